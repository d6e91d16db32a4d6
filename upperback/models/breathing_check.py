"""Lesson 02's self-check: how you breathe on the run. Weights are teaching judgements, not measured odds."""

from upperback.models.questions import Option, Question, SelfCheck

EASE_PACE = "when your breathing gets quick and high, ease the pace a little and take three slow, deep breaths."
BREATHE_LOW = "breathe low: let your belly and the sides of your ribs widen as you breathe in, shoulders still."
HANDS_CHECK = ("at rest, do the hands-on check: one hand on your belly, one on your chest, and let the lower "
               "hand move more.")
RHYTHM = "on easy runs, try breathing in for 3 steps and out for 3."
SHOULDERS_STILL = ("on hard stretches, check your neck and the fronts of your shoulders: let them go still while "
                   "the ribs and belly do the work.")
SORE_RIBS = ("keep deep-breathing practice short at first: sore muscles around the ribs are getting used to "
             "the work, not being harmed.")
NOT_SURE = "Not sure yet"

BREATHING_CHECK = SelfCheck(
    lesson="breathing",
    title="How you breathe on the run",
    questions=(
        Question("where_breath", "Where do you feel each breath go when you run?", (
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
            Option("short_sentences", "I can speak in short sentences"),
            Option("chatting", "I can chat easily"),
        )),
        Question("speed_up", "Does the ache come on or grow when you speed up or run uphill?", (
            Option("yes", "Yes", points={"breathing": 2}, reason="an ache that grows with effort fits the "
                   "helper muscles being called in as breathing gets harder", cue=EASE_PACE),
            Option("no", "No"),
            Option("unsure", NOT_SURE),
        )),
        Question("neck_tension", "When you breathe hard, do your neck or the fronts of your shoulders tighten?", (
            Option("yes", "Yes, I can feel them pulling", points={"breathing": 2},
                   reason="a tight neck when breathing hard is the scalenes and sternocleidomastoid at work",
                   cue=SHOULDERS_STILL),
            Option("no", "No"),
            Option("unsure", NOT_SURE),
        )),
        Question("hands_check", "At rest, one hand on your chest and one on your belly: which moves more?", (
            Option("chest", "The hand on my chest", points={"breathing": 2},
                   reason="even at rest your breath goes mostly to the upper chest", cue=BREATHE_LOW),
            Option("belly", "The hand on my belly"),
            Option("both", "Both about the same"),
            Option("not_tried", "I have not tried it", cue=HANDS_CHECK),
        )),
        Question("rhythm", "Do your breaths fall into a rhythm with your steps?", (
            Option("steady", "Yes, a steady pattern"),
            Option("ragged", "No: quick and ragged, especially when I tire", points={"breathing": 1},
                   reason="ragged breathing under fatigue tends to be quick and shallow", cue=RHYTHM),
            Option("never_noticed", "I have never noticed", cue=RHYTHM),
        )),
        Question("sore_ribs", "When you have practised deep breathing, did your ribs or sides feel sore?", (
            Option("yes", "Yes, a little", cue=SORE_RIBS),
            Option("no", "No"),
            Option("never", "I have not practised it"),
        )),
    ),
)
