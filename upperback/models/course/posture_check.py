"""Lesson 03's self-check: posture through a run. Weights are teaching judgements, not measured odds."""

from upperback.models.course.questions import Option, Question, SelfCheck

RUN_TALL = ("when you notice a slump, run tall for ten strides, as if a string lifts the crown of your head; "
            "then relax again.")
LOOK_AHEAD = "look well ahead along the path; lift your eyes rather than dropping your head."
WATCH = "check your watch less often, and lift the wrist to your eyes instead of dropping your head to it."
CHANGE_IT_UP = ("every few minutes, change something small: roll your shoulders, lengthen your neck, shift your "
                "gaze, let the arms swing a little wider.")
NOT_SURE = "Not sure yet"

POSTURE_CHECK = SelfCheck(
    lesson="posture",
    title="Your posture through a run",
    questions=(
        Question("slump", "As you tire, does your upper back round or your head drop forward?", (
            Option("often", "Often", points={"posture": 3},
                   reason="a slump that creeps in as you tire tips the head forward of the spine", cue=RUN_TALL),
            Option("sometimes", "Sometimes, late in long runs", points={"posture": 1},
                   reason="a late slump adds load near the end of long runs", cue=RUN_TALL),
            Option("rarely", "Rarely"),
            Option("unsure", NOT_SURE),
        ), keep="keep letting your posture change as you tire, rather than holding any one position: the best "
           "posture is the next one.",
           watch="in the last kilometre, notice where your eyes and your chin point."),
        Question("gaze", "Where do you usually look when you run?", (
            Option("ground", "At the ground just ahead of my feet", points={"posture": 2},
                   reason="looking down at your feet holds the head forward and down", cue=LOOK_AHEAD),
            Option("watch", "At my watch or phone, often", points={"posture": 1},
                   reason="frequent looks at a watch or phone drop the head again and again", cue=WATCH),
            Option("ahead", "Ahead along the path"),
        ), keep="keep your eyes along the path, and lift them again whenever you notice them drop."),
        Question("held", "Do you keep the same position for long stretches of a run?", (
            Option("yes", "Yes, I settle into one position and stay there", points={"posture": 2},
                   reason="one position held without pauses keeps the same muscles working", cue=CHANGE_IT_UP),
            Option("no", "No, I move around and change it up"),
            Option("unsure", NOT_SURE, cue=CHANGE_IT_UP),
        ), keep="keep changing it up: the best posture is the next one."),
        Question("builds", "Does the ache build steadily the longer you run?", (
            Option("yes", "Yes, it grows through the run", points={"posture": 2},
                   reason="an ache that builds with time fits muscles holding one posture too long",
                   cue=CHANGE_IT_UP),
            Option("no", "No, it comes and goes"),
            Option("unsure", NOT_SURE),
        ), keep="an ache that comes and goes may follow arm tension or breathing more than time: lessons 01 and "
           "02 may fit better.",
           watch="note in lesson 04's check-in when in the run the ache starts, and whether it grows."),
        Question("change_helps", "If you change position (stand tall, roll your shoulders), does it ease?", (
            Option("eases", "Yes, for a while", points={"posture": 2},
                   reason="relief from a change of position points to a posture held too long", cue=CHANGE_IT_UP),
            Option("no_change", "No difference",
                   note="If changing position makes no difference, the ache may come from elsewhere: lessons "
                   "01 and 02 look at the arms and breathing."),
            Option("not_tried", "I have not tried it", cue=CHANGE_IT_UP),
        )),
    ),
)
