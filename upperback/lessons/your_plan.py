"""What lesson 04 (your plan) calls: one line per cell."""

from upperback.models.course.lessons import CAUSE_LESSONS, CAUSE_NAMES
from upperback.models.course.plan import build_plan
from upperback.widgets.checkin_form import CheckInAndReview
from upperback.widgets.plan_view import PlanView


def show_plan() -> PlanView:
    """Your saved self-checks combined into likely causes and cues for the next three runs."""
    return PlanView()


def check_in_and_review() -> CheckInAndReview:
    """The check-in form above the review of your log; saving a check-in updates the review at once."""
    return CheckInAndReview()


EXAMPLE_RUNNER = {  # a made-up runner, to show what a plan looks like before you have one of your own
    "start_here": {"where": "between_blades", "when": "tired", "how_long": "fades", "with_it": "none"},
    "arm_carriage": {"shrug": "sometimes", "elbow": "right_angle", "crossing": "beside", "fists": "rarely",
                     "carrying": "no", "shake_out": "not_tried"},
    "posture": {"slump": "often", "gaze": "watch", "held": "yes", "builds": "yes", "change_helps": "eases"},
}


def example_plan() -> None:
    """Print the plan of the made-up runner above, in words."""
    plan = build_plan(EXAMPLE_RUNNER)
    for cause, share in plan.shares.items():
        lesson = CAUSE_LESSONS[cause]
        still_to_do = f"; its own self-check ({lesson.label}) is still to do" if lesson.key in plan.missing else ""
        print(f"{CAUSE_NAMES[cause]}: " + ("not checked yet" if share is None else
                                           f"{share:.0%} of the points it could get so far{still_to_do}"))
    print("most likely to contribute: " + ", ".join(CAUSE_NAMES[c] for c in plan.likely_causes))
    for number, cue in enumerate(plan.cues, start=1):
        print(f"cue {number}: {cue.text} (why: {cue.lesson_label})")
