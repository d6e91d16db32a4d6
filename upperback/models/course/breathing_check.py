"""Lesson 02's self-check: how you breathe on the run. Weights are teaching judgements, not measured odds.

An ache that comes with effort is also the pattern of angina, so that answer carries the effort warning of
lesson 00 as well as its breathing points: the warning wins.
"""

from upperback.models.course.questions import Option, Question, SelfCheck
from upperback.models.course.warning_signs import AMBULANCE, EFFORT, URGENT_APPOINTMENT

EASE_PACE = ("when your breathing gets quick and high, ease the pace a little and take three slow, deep breaths "
             "(but an ache or pressure that comes with the effort and fades as you slow is a warning sign, not a "
             "breathing habit: stop, and see lesson 00).")
BREATHE_LOW = "breathe low: let your belly and the sides of your ribs widen as you breathe in, shoulders still."
HANDS_CHECK = ("Before your next run, try the hands-on check at rest (lesson 02): one hand on your belly, one on "
               "your chest, and let the lower hand move more.")
RHYTHM = "on easy runs, try breathing in for 3 steps and out for 3."
SOFT_NECK = ("on hard stretches, soften, don't brace: the helper muscles in your neck are meant to join in when "
             "you breathe hard, so let them work without clenching your neck and the fronts of your shoulders.")
SORE_RIBS = ("Sore ribs after deeper breathing are practice, not harm: you are not hurting yourself. If none of "
             "lesson 00's warning signs fit, the muscles around your ribs are getting used to new work; keep the "
             "practice short at first.")
NOT_SURE = "Not sure yet"
DONT_TEST_EFFORT = ("Please don't test this on a hill or a fast stretch. If an ache or pressure does come on with "
                    f"effort: stop. If it eases within a few minutes, get {URGENT_APPOINTMENT} before you run again; "
                    f"if it does not ease, {AMBULANCE} now.")

BREATHING_CHECK = SelfCheck(
    lesson="breathing",
    title="How you breathe on the run",
    questions=(
        Question("where_breath", "Where do you feel each breath go when you run?", keep="keep breathing low on "
                 "easy runs; on hard stretches your breaths rightly get bigger and quicker.",
                 watch="on an easy stretch, notice whether your shoulders rise as you breathe in.", options=(
            Option("upper_chest", "Into my upper chest; my shoulders rise with each breath",
                   points={"breathing": 3}, reason="breathing into the upper chest lifts the shoulders with "
                   "the neck's helper muscles on every breath", cue=BREATHE_LOW),
            Option("low", "Low: my belly and the sides of my ribs widen"),
            Option("unsure", NOT_SURE),
        )),
        Question("easy_pace", "How does an easy run feel for your breathing?", (
            Option("breathless", "I am out of breath even at an easy pace", points={"breathing": 2},
                   reason="being breathless at an easy pace pushes you into quick, shallow breaths",
                   cue=EASE_PACE),
            Option("short_sentences", "I can speak in short sentences", points={"breathing": 1},
                   reason="an easy run is one where you could chat; short sentences mean the pace is a step "
                   "harder, where breaths get quicker", cue=EASE_PACE),
            Option("chatting", "I can chat easily"),
        ), keep="keep your easy runs at a pace where you could chat: that is where low breathing is easiest."),
        Question("speed_up", "Does the ache come on or grow when you speed up or run uphill?", (
            Option("yes", "Yes", warning=EFFORT, signs=("effort",)),  # a warning sign, never a breathing habit
            Option("no", "No"),
            Option("unsure", NOT_SURE, note=DONT_TEST_EFFORT),
        ), keep="an ache that does not follow your effort points less to breathing: lessons 01 and 03 may fit "
           "better."),
        Question("neck_tension", "On easy or steady runs, do your neck or the fronts of your shoulders clench "
                 "or brace as you breathe?",
                 keep="keep your neck soft: on hard stretches the helper muscles rightly join in, without bracing.",
                 watch="on an easy stretch, notice whether your neck and shoulders clench as you breathe in.",
                 options=(
            Option("yes", "Yes, I can feel them clench", points={"breathing": 2},
                   reason="a neck that braces at an easy pace keeps the helper breathing muscles of the neck "
                   "working when the breathing does not need them",
                   cue=SOFT_NECK),
            Option("no", "No"),
            Option("unsure", NOT_SURE),
        )),
        Question("hands_check", "At rest, one hand on your chest and one on your belly: which moves more?",
                 keep="take that low breath with you: try it walking, in for 4 steps and out for 4.", options=(
            Option("chest", "The hand on my chest", points={"breathing": 2},
                   reason="even at rest your breath goes mostly to the upper chest", cue=BREATHE_LOW),
            Option("belly", "The hand on my belly"),
            Option("both", "Both about the same"),
            Option("not_tried", "I have not tried it", note=HANDS_CHECK),
        )),
        Question("rhythm", "Do your breaths fall into a rhythm with your steps?", (
            Option("steady", "Yes, a steady pattern"),
            Option("ragged", "No: quick and ragged, especially when I tire", points={"breathing": 1},
                   reason="ragged breathing under fatigue tends to be quick and shallow", cue=RHYTHM),
            Option("never_noticed", "I have never noticed", cue=RHYTHM),
        ), keep="keep your rhythm, and let it shorten (2 in, 2 out) when the running gets harder."),
        Question("sore_ribs", "When you have practised deep breathing, did your ribs or sides feel sore?", (
            Option("yes", "Yes, a little", note=SORE_RIBS),
            Option("no", "No"),
            Option("never", "I have not practised it"),
        ), keep="good: you can build deep-breathing practice up a little at a time.",
           watch="try the short practice of this lesson once at rest, and notice how your ribs feel the "
           "next day."),
    ),
)
