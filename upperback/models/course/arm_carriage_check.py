"""Lesson 01's self-check: how you carry your arms, answered from memory or after one short run.

Weights are teaching judgements from the lesson's content (not measured odds); each answer that shows a
habit worth changing carries the cue that helps, so the feedback points back to the lesson.
"""

from upperback.models.course.questions import Option, Question, SelfCheck

SHAKE_OUT = "every few minutes, shake your arms and shoulders out, then let them hang loose."
DROP_SHOULDERS = "at each kilometre marker, let your shoulders drop away from your ears."
SOFT_ELBOWS = ("let your elbows open to a comfortable bend, roughly a right angle, and let the arms hang from the "
               "shoulders and swing loose: no need to drive them.")
SWING_BESIDE = "swing your arms beside your body, with hands or loose fists facing forward."
LOOSE_HANDS = "run with loose hands, as if holding a crisp without breaking it."
EMPTY_HANDS = "carry nothing in your hands: a waist belt or a pocket takes the phone, bottle or keys."
DONT_KNOW = "Not sure yet"


def _frequency_question(key, text, habit_reason, cue, keep, watch, often_points=3):
    return Question(
        key=key,
        text=text,
        keep=keep,
        watch=watch,
        options=(
            Option("often", "Often, for much of the run", points={"arms": often_points}, reason=habit_reason,
                   cue=cue),
            Option("sometimes", "Sometimes, when I am tired or pushing", points={"arms": 1},
                   reason=habit_reason, cue=cue),
            Option("rarely", "Rarely or never"),
            Option("unsure", DONT_KNOW),
        ),
    )


ARM_CARRIAGE_CHECK = SelfCheck(
    lesson="arm_carriage",
    title="How you carry your arms",
    questions=(
        _frequency_question(
            "shrug",
            "Do your shoulders creep up towards your ears while you run?",
            "raised shoulders keep the upper trapezius and levator scapulae working all run",
            DROP_SHOULDERS,
            keep="keep your shoulders low; check them once when the run gets hard, when they creep up most.",
            watch="at each kilometre marker, notice the gap between your shoulders and your ears.",
        ),
        Question(
            key="elbow",
            text="How are your elbows bent while you run?",
            keep="keep that loose, comfortable bend, and let it open a little more if your hands drift up.",
            watch="glance down mid-run: are your hands near your chest, by your waist, or hanging low?",
            options=(
                Option("clenched", "Tightly, hands up near my chest", points={"arms": 3},
                       reason="a clenched elbow is held by muscle the whole run", cue=SOFT_ELBOWS),
                Option("right_angle", "About a right angle, and loose"),
                Option("straight", "Mostly straight, arms hanging low", points={"arms": 1},
                       reason="a straight arm is a long, slow pendulum, far from the stride's rhythm, that the "
                       "shoulder muscles must keep steadying",
                       cue=SOFT_ELBOWS),
                Option("unsure", DONT_KNOW),
            ),
        ),
        Question(
            key="crossing",
            text="Where do your hands swing?",
            keep="keep your hands swinging forward and back, brushing past your waistband.",
            watch="run past a shop window, or watch your shadow: do your hands cross the middle of your body?",
            options=(
                Option("across", "Across the front of my body, past the middle", points={"arms": 3},
                       reason="hands that cross the middle twist the upper body on every stride",
                       cue=SWING_BESIDE),
                Option("inwards", "A little inwards", points={"arms": 1},
                       reason="hands that swing inwards add some twist to each stride", cue=SWING_BESIDE),
                Option("beside", "Beside my body, forward and back"),
                Option("unsure", DONT_KNOW),
            ),
        ),
        _frequency_question(
            "fists",
            "Are your hands clenched into tight fists?",
            "a tight grip spreads tension up the forearm into the shoulder",
            LOOSE_HANDS,
            keep="keep your hands loose; check them when you tire, when a grip tends to creep back.",
            watch="now and then on your next run, notice whether your fingers press into your palms.",
            often_points=2,
        ),
        Question(
            key="carrying",
            text="Do you carry something in one hand (phone, bottle, keys)?",
            keep="keep your hands empty, so both arms can swing alike.",
            options=(
                Option("yes", "Yes, usually", points={"arms": 2},
                       reason="a held object makes one arm grip and swing differently from the other",
                       cue=EMPTY_HANDS),
                Option("no", "No"),
            ),
        ),
        Question(
            key="shake_out",
            text="If you shake your arms and shoulders out mid-run, does the ache ease for a while?",

            options=(
                Option("eases", "Yes, it eases", points={"arms": 2},
                       reason="relief from a shake-out suggests tension held in the arms and shoulders",
                       cue=SHAKE_OUT),
                Option("no_change", "No, it makes no difference",
                       note="If a shake-out makes no difference, the ache may come from elsewhere: lessons 02 "
                       "and 03 look at breathing and posture."),
                Option("not_tried", "I have not tried it", cue=SHAKE_OUT),
            ),
        ),
    ),
)
