"""Lesson 04's plan: saved answers combined fairly, missing lessons named, warnings repeated."""

from upperback.lessons.your_plan import EXAMPLE_RUNNER
from upperback.models.course.plan import build_plan
from upperback.storage.answers import AnswerStore
from upperback.widgets.plan_view import PlanView

ARMS_ONLY = {"arm_carriage": {"shrug": "sometimes", "elbow": "right_angle", "crossing": "beside", "fists": "rarely",
                              "carrying": "no", "shake_out": "no_change"}}


def test_the_example_runner_points_to_posture_with_cues_from_two_lessons():
    plan = build_plan(EXAMPLE_RUNNER)
    assert plan.likely_causes == ("posture",)
    assert plan.missing == ("breathing",)
    assert [cue.lesson_label for cue in plan.cues] == ["lesson 03", "lesson 03", "lesson 01"]
    assert plan.cues[0].link == "03_posture.ipynb#What-to-try-on-your-next-run"


def test_causes_are_compared_by_share_so_a_longer_check_does_not_win_by_default():
    plan = build_plan(ARMS_ONLY)
    assert plan.shares["breathing"] is None and plan.shares["posture"] is None
    assert 0 < plan.shares["arms"] < 0.2


def test_no_answers_gives_no_cause_and_lists_every_lesson():
    plan = build_plan({})
    assert plan.likely_causes == () and len(plan.missing) == 4 and plan.cues == ()


def test_answers_that_no_longer_fit_are_reported_not_crashed_on():
    plan = build_plan({"start_here": {"where": "knee"}})
    assert "start_here" in plan.missing
    assert "need redoing" in plan.problems[0]


def test_a_warning_sign_puts_the_plan_on_hold_with_its_action_and_no_cues(tmp_path):
    store = AnswerStore(tmp_path)
    store.save("start_here", {"where": "between_blades", "when": "faster", "how_long": "fades", "with_it": "none"})
    store.save("posture", EXAMPLE_RUNNER["posture"])
    plan = build_plan(store.load().all_answers())
    assert plan.on_hold and plan.warnings == ("effort",) and plan.cues == ()
    view = PlanView(store)
    html = view.text.value
    assert html.index("Stop and rest") < html.index("on hold") < html.index("not a diagnosis")
    assert "angina" in html
    assert "Most likely to contribute" not in html and "next three runs" not in html
    assert view.chart.layout.display == "none"


def test_every_warning_answer_of_every_self_check_holds_the_plan():
    from upperback.models.course.lessons import SELF_CHECKS

    for check in SELF_CHECKS:
        for question in check.questions:
            for option in (o for o in question.options if o.warning):
                answers = {q.key: q.options[-1].key for q in check.questions} | {question.key: option.key}
                plan = build_plan({check.lesson: answers})
                assert plan.on_hold and option.warning in plan.warnings and plan.cues == (), option.key


def test_the_plan_on_screen_links_missing_lessons(tmp_path):
    store = AnswerStore(tmp_path)
    store.save("posture", EXAMPLE_RUNNER["posture"])
    view = PlanView(store)
    html = view.text.value
    assert 'href="02_breathing.ipynb"' in html and 'href="00_start_here.ipynb"' in html
    assert bytes(view.chart.png).startswith(b"\x89PNG")


def test_the_plan_refreshes_after_a_self_check_is_redone(tmp_path):
    store = AnswerStore(tmp_path)
    view = PlanView(store)
    assert "No self-checks saved yet" in view.text.value
    store.save("posture", EXAMPLE_RUNNER["posture"])
    view.refresh_button.click()
    assert "Most likely to contribute: your posture" in view.text.value
