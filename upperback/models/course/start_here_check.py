"""Lesson 00's self-check: where the ache sits, when in a run it starts, how long it lasts, what comes with it.

The weights are teaching judgements drawn from the content of lessons 01–03, not measured odds: they only
decide which lesson to read first. Options that match a warning sign say so, and the warning wins: an ache
that comes with effort is never scored as a breathing habit alone.
"""

from upperback.models.course.questions import Option, Question, SelfCheck
from upperback.models.course.warning_signs import EFFORT, EMERGENCY, URGENT

START_HERE_CHECK = SelfCheck(
    lesson="start_here",
    title="Where, when and how long",
    questions=(
        Question(
            key="where",
            text="Where does the ache sit, most of the time?",
            options=(
                Option(
                    "shoulder_tops",
                    "Along the tops of the shoulders and up into the neck",
                    points={"arms": 2, "breathing": 1},
                    reason="an ache along the shoulder tops fits shoulders that creep up, and the helper "
                    "breathing muscles that attach there",
                ),
                Option(
                    "between_blades",
                    "Between the shoulder blades, beside the spine",
                    points={"posture": 2, "arms": 1},
                    reason="an ache between the shoulder blades fits a rounded upper back and tense "
                    "shoulder blades",
                ),
                Option(
                    "around_ribs",
                    "Around the ribs or along the sides of the chest",
                    points={"breathing": 2},
                    reason="an ache around the ribs fits the muscles that move the rib cage as you breathe",
                ),
                Option(
                    "chest_spreading",
                    "In the front of the chest, or spreading into an arm, the neck or the jaw",
                    warning=EMERGENCY, signs=("chest_spreading",),
                ),
                Option("elsewhere", "Somewhere else, or hard to say",
                       note="An ache somewhere else, or hard to place, is worth a doctor's look if it keeps "
                       "coming back; the lessons here are about the muscles around the shoulder blades."),
            ),
        ),
        Question(
            key="when",
            text="When in a run does it start?",
            options=(
                Option(
                    "early",
                    "In the first minutes",
                    points={"arms": 2},
                    reason="an ache that starts early fits tension carried into the run, like shrugged "
                    "shoulders or clenched fists",
                ),
                Option(  # no points: an ache that comes with effort is never read as a breathing habit
                    "faster",
                    "When I speed up, run uphill or get out of breath",
                    warning=EFFORT, signs=("effort",),
                ),
                Option(
                    "tired",
                    "Late in the run, as I get tired",
                    points={"posture": 2},
                    reason="an ache that comes with tiredness fits a slump that creeps in as you tire",
                ),
                Option("no_pattern", "No clear pattern",
                       note="No pattern yet is useful to know: the check-in of lesson 04 records when it "
                       "starts, run by run, so a pattern can show up."),
            ),
        ),
        Question(
            key="how_long",
            text="What happens to it after the run?",
            options=(
                Option("fades", "It fades within an hour or so of stopping",
                       note="An ache that fades soon after the run fits muscles that worked too long without "
                       "a break, which is what the lessons are about."),
                Option("next_day", "It is still sore the next day, then goes",
                       note="Soreness into the next day that then goes is common after a long or hard run; "
                       "if it comes back after most runs, ease the next few and log it in lesson 04."),
                Option(
                    "rest_or_night",
                    "It does not ease when I rest, or it is worse at night",
                    warning=URGENT, signs=("rest_or_night",),
                ),
            ),
        ),
        Question(
            key="with_it",
            text="Has any of these come with the ache, or does any fit you? (Pick the first that fits.)",
            options=(
                Option("none", "None of these",
                       note="None of the signs that need a doctor came with it: the lessons are the right "
                       "place to start."),
                Option("chest_heavy", "Chest pain that spread to an arm, the back, the neck or the jaw, felt tight or "
                       "heavy, came with breathlessness, a cold sweat or feeling sick, or lasted over 15 minutes",
                       warning=EMERGENCY, signs=("chest_spreading", "chest_heavy")),
                Option("tearing", "A sudden, severe tearing or ripping pain in the chest or between the "
                       "shoulder blades", warning=EMERGENCY, signs=("tearing",)),
                Option("breathing_pain", "A sudden sharp pain that is worse when I breathe in, sudden "
                       "breathlessness, or coughing up blood", warning=EMERGENCY,
                       signs=("breathing_in", "breathless_blood")),
                Option("both_legs", "Tingling, numbness or weakness in both legs, numbness around my genitals "
                       "or buttocks, or trouble with peeing or with bladder or bowel control", warning=EMERGENCY,
                       signs=("both_legs", "bladder_bowel")),
                Option("accident", "It started after a serious accident, such as a hard fall or a car or bike "
                       "collision", warning=EMERGENCY, signs=("accident",)),
                Option("came_and_went", "Chest pain that came and went, with none of the signs above",
                       warning=EFFORT, signs=("chest_came_and_went",)),
                Option("fever_weight", "A fever, or weight loss I did not try for", warning=URGENT,
                       signs=("fever", "weight_loss")),
                Option("lump", "A lump, a swelling or a change of shape in my back", warning=URGENT,
                       signs=("lump",)),
                Option("history", "I have had cancer, take steroid tablets long-term, or have osteoporosis",
                       warning=URGENT, signs=("cancer", "steroids_bones")),
                Option("age", "This upper-back pain is new, and I am under 20 or over 50", warning=URGENT,
                       signs=("age",)),
            ),
        ),
    ),
)
