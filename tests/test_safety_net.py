"""The warning signs are a net under every lesson, check-in, summary and printout: one list, routed the way
the NHS routes each sign, answerable everywhere a runner reports how a run went, and always first."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import escape
from pathlib import Path

import nbformat
import pytest

from harness.check_ins import check_in_fields
from harness.self_checks import every_option, quiet_answers
from upperback.lessons.your_plan import EXAMPLE_RUNNER
from upperback.models.course.lessons import SELF_CHECKS
from upperback.models.course.plan import build_plan
from upperback.models.course.selfcheck import score_answers, verdict_sentences
from upperback.models.course.start_here_check import START_HERE_CHECK
from upperback.models.course.warning_signs import (
    ACTIONS,
    AMBULANCE,
    EFFORT,
    EMERGENCY,
    SIGN_LIST,
    SIGNS_BY_KEY,
    TIER_HEADINGS,
    TIERS,
    URGENT,
    URGENT_APPOINTMENT,
    DoctorCheck,
    lesson_00_markdown,
    most_serious,
)
from upperback.models.records.checkin_log import (
    WARNING_ANSWERS,
    WARNING_SIGNS_ANSWERED,
    WARNING_TIERS,
    summary_sentences,
    validate_check_in,
)
from upperback.pages.printables import plan_page
from upperback.storage.answers import AnswerStore
from upperback.storage.checkins import CheckInLog
from upperback.widgets.checkin_form import CheckInForm, LogReview
from upperback.widgets.plan_view import PlanView
from upperback.widgets.selfcheck_form import SelfCheckForm

ROOT = Path(__file__).resolve().parents[1]
LESSON_00 = ROOT / "notebooks" / "00_start_here.ipynb"
ABOUT_THE_PERSON = {"cancer", "age", "steroids_bones"}  # facts about the runner, not about one run
TODAY = date.today()


def checked_in(day: date, **changes):
    """A run of a runner who eases off and breathes slowly, with no warning sign unless ``changes`` say."""
    return validate_check_in(check_in_fields(**{"run_date": day.isoformat(), "noticed": ["breathing"],
                                                "changed": ["slow_breaths"], "helped": "yes", "warning": "none",
                                                **changes}))


def angina_pattern_log(log: CheckInLog, days: int = 8) -> None:
    """"Came when I sped up, eased when I slowed, slowing helped", half the runs; lower ache on those."""
    for n in range(days):
        day = TODAY - timedelta(days=2 * n + 1)
        if n % 2:
            log.append(checked_in(day, started="faster", ache=2, changed=["slow_breaths"], helped="yes"))
        else:
            log.append(checked_in(day, started="tired", ache=6, changed=[], helped="no_change"))


# --- one list, lesson 00 and every self-check agree ---------------------------------------------------------

def test_lesson_00_shows_exactly_the_signs_and_actions_the_code_routes():
    section = nbformat.read(LESSON_00, as_version=4).cells[1].source
    assert lesson_00_markdown() in section  # under its heading, first (tests/test_notebook_hygiene.py)


def test_every_sign_on_lesson_00s_list_is_answerable_in_its_self_check_and_routed_to_its_tier():
    answered = set()
    for question in START_HERE_CHECK.questions:
        for option in question.options:
            answered.update(option.signs)
            if option.signs:
                baseline = {"where": "between_blades", "when": "tired", "how_long": "fades", "with_it": "none"}
                verdict = score_answers(START_HERE_CHECK, {**baseline, question.key: option.key})
                assert verdict.warnings[0] == most_serious(SIGNS_BY_KEY[s].tier for s in option.signs)[0]
                assert verdict_sentences(verdict)[0] == ACTIONS[verdict.warnings[0]]
    assert answered == set(SIGNS_BY_KEY), set(SIGNS_BY_KEY) - answered


def test_the_check_in_question_covers_every_sign_that_can_come_with_a_run():
    covered = {sign for signs in WARNING_SIGNS_ANSWERED.values() for sign in signs}
    assert covered == set(SIGNS_BY_KEY) - ABOUT_THE_PERSON
    tiers = [WARNING_TIERS[answer] for answer in WARNING_ANSWERS if answer != "none"]
    assert tiers == sorted(tiers, key=TIERS.index), "most serious first: the runner picks the first that fits"
    for answer, signs in WARNING_SIGNS_ANSWERED.items():
        assert WARNING_TIERS[answer] == most_serious(SIGNS_BY_KEY[sign].tier for sign in signs)[0]
    assert next(iter(WARNING_ANSWERS)) == "none" and set(WARNING_ANSWERS) == {"none", *WARNING_SIGNS_ANSWERED}
    assert all(len(text) <= 260 for text in WARNING_ANSWERS.values()), "short enough to read on a phone"


def test_the_red_flags_of_the_upper_back_are_on_the_list():
    every_sign = " ".join(sign.text for sign in SIGN_LIST).lower()
    for phrase in ("tearing or ripping", "between the shoulder blades", "under 20 or over 50", "steroid",
                   "osteoporosis", "had cancer", "hard fall", "collision", "both legs", "bladder or bowel",
                   "worse at night", "high temperature", "worse when you breathe in", "coughing up blood"):
        assert phrase in every_sign, phrase
    assert SIGNS_BY_KEY["tearing"].tier == EMERGENCY and SIGNS_BY_KEY["age"].tier == URGENT


# --- the words of each action --------------------------------------------------------------------------------

def test_chest_pain_that_came_and_went_is_an_urgent_appointment_or_111_now_and_emergencies_stay_999():
    came_and_went = SIGNS_BY_KEY["chest_came_and_went"]
    assert came_and_went.tier == EFFORT and "111" in ACTIONS[EFFORT] and "now" in ACTIONS[EFFORT]
    assert "do not run again until you have been checked" in ACTIONS[EFFORT]
    assert ACTIONS[EMERGENCY].startswith("Call an ambulance") and "even if it has eased" in ACTIONS[EMERGENCY]
    assert "111" not in ACTIONS[EMERGENCY]  # an emergency sign that eased is still an emergency
    assert "before you run again" not in ACTIONS[EMERGENCY]  # the old words waited for the next run


def test_the_effort_tier_says_how_soon_in_the_same_words_as_lesson_00():
    assert "for the same or the next day" in URGENT_APPOINTMENT
    section = nbformat.read(LESSON_00, as_version=4).cells[1].source
    for words in (ACTIONS[EFFORT], TIER_HEADINGS[EFFORT]):
        assert URGENT_APPOINTMENT in words
    assert section.count(URGENT_APPOINTMENT) >= 2  # the effort tier and the urgent tier
    assert "soon" not in ACTIONS[EFFORT]


def course_texts() -> dict[str, str]:
    """Everything a learner reads: the lessons, the package's words, the guide, the README."""
    texts = {path.name: "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells)
             for path in sorted((ROOT / "notebooks").glob("*.ipynb"))}
    texts.update({str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
                  for path in sorted((ROOT / "upperback").rglob("*.py"))})
    for name in ("workshop/FACILITATOR_GUIDE.md", "README.md"):
        texts[name] = (ROOT / name).read_text(encoding="utf-8")
    return texts


def test_sweating_alone_is_never_called_a_warning_sign_only_a_cold_sweat():
    for name, text in course_texts().items():
        for found in re.finditer(r"sweat", text, flags=re.IGNORECASE):
            assert text[max(0, found.start() - 5):found.start()].lower().endswith("cold "), (name, found.start())


@pytest.mark.parametrize("invitation", ["on your next hill", "notice whether the ache starts",
                                        "see whether the ache", "test whether"])
def test_no_text_invites_a_learner_to_provoke_a_warning_sign(invitation):
    for name, text in course_texts().items():
        assert invitation not in text.lower(), name


def test_not_sure_about_effort_says_do_not_test_it_and_what_to_do_if_it_happens():
    breathing = next(check for check in SELF_CHECKS if check.lesson == "breathing")
    unsure = breathing.questions[2].option("unsure")
    assert unsure.note.startswith("Please don't test this")
    assert URGENT_APPOINTMENT in unsure.note and AMBULANCE in unsure.note


# --- every self-check option through form, plan and printable plan ---------------------------------------

@pytest.mark.parametrize(("check", "question", "option"), every_option())
def test_each_option_reads_right_through_the_form_the_plan_and_the_printable_plan(tmp_path, check, question,
                                                                                   option):
    store = AnswerStore(tmp_path)
    form = SelfCheckForm(check, store)
    answers = {**quiet_answers(check), question.key: option.key}
    for key, value in answers.items():
        form.pickers[key].value = value
    verdict = form.submit()
    shown = form.feedback.value
    plan = build_plan({check.lesson: answers})
    page = plan_page(plan)
    if option.warning:
        assert verdict.on_hold and plan.on_hold and form.doctor_check.layout.display is None
        assert shown.index("warning sign") < shown.index("not a diagnosis")
        assert "Read first" not in shown and "Next step" not in shown
        assert "Mid-run" not in page and "next three runs" not in page and "notice what you notice" not in page
    else:
        assert not plan.on_hold and form.doctor_check.layout.display == "none"
        assert "Mid-run" in page
    if option.note and not option.warning:
        assert escape(option.note) in shown, "a note is always shown when chosen"
    if option.cue and not option.warning:
        assert "Next step" in shown
    assert "Keep it up: keep running tall" not in shown
    if option.unsure:
        assert check.lesson == "start_here" or "sound relaxed" not in shown and "sounds" not in shown


def test_sore_ribs_reassurance_shows_even_beside_two_stronger_breathing_habits():
    breathing = next(check for check in SELF_CHECKS if check.lesson == "breathing")
    answers = {**quiet_answers(breathing), "where_breath": "upper_chest", "neck_tension": "yes",
               "sore_ribs": "yes"}
    said = " ".join(verdict_sentences(score_answers(breathing, answers)))
    assert "you are not hurting yourself" in said
    assert said.count("Next step") == 2


def test_posture_never_praises_holding_one_posture():
    posture = next(check for check in SELF_CHECKS if check.lesson == "posture")
    words = " ".join(q.keep + q.watch + " ".join(o.cue + o.note for o in q.options) for q in posture.questions)
    assert "running tall as you tire" not in words and "then relax again" in words
    assert "the best posture is the next one" in words


# --- check-ins: the compact question, the summary, the plan, lesson 05 ---------------------------------------

@pytest.mark.parametrize("answer", sorted(WARNING_SIGNS_ANSWERED))
def test_a_warning_at_a_check_in_shows_its_action_first_and_puts_everything_on_hold(tmp_path, answer):
    tier = WARNING_TIERS[answer]
    log = CheckInLog(tmp_path)
    for n in range(6):  # enough runs for every pattern statement
        log.append(checked_in(TODAY - timedelta(days=3 + n), ache=6 - n % 3, changed=["slow_breaths"] * (n % 2)))
    form = CheckInForm(log)
    form.minutes.value, form.started.value, form.helped.value = "30", "tired", "no_change"
    form.ache.value, form.regions["between_blades"].value = 4, True
    form.warning.value = answer
    assert form.save() is True
    message = form.message.value
    assert message.index("warning sign") < message.index("Saved")
    assert escape(ACTIONS[tier]) in message
    sentences = summary_sentences(log.read().entries)
    assert sentences[0].startswith("A warning sign came with 1 run") and ACTIONS[tier] in sentences
    assert not any(word in " ".join(sentences) for word in ("lower on runs", "later runs ached", "over 3 runs"))
    plan = build_plan(EXAMPLE_RUNNER, check_ins=log.read().entries)
    assert plan.on_hold and plan.cues == () and plan.warning_runs == (TODAY.isoformat(),)
    page = plan_page(plan)
    assert escape(ACTIONS[tier]) in page and "Mid-run" not in page


def test_came_when_i_sped_up_eased_when_i_slowed_is_never_read_as_progress(tmp_path):
    log = CheckInLog(tmp_path)
    angina_pattern_log(log)
    entries = log.read().entries
    sentences = summary_sentences(entries)
    said = " ".join(sentences)
    assert "effort warning sign" in said and ACTIONS[EFFORT] in sentences
    assert "lower on runs where you eased off" not in said and "ache was lower" not in said
    review = LogReview(log)
    assert "effort warning sign" in review.summary.value and "ache was lower" not in review.summary.value
    assert review.chart.alt.split(". ", 1)[1].startswith("A warning sign came")


def test_without_a_warning_the_same_log_shape_may_show_its_pattern(tmp_path):
    """The control: the summary does read patterns when no warning sign is open (so the test above can fail)."""
    log = CheckInLog(tmp_path)
    for n in range(8):
        day = TODAY - timedelta(days=2 * n + 1)
        log.append(checked_in(day, ache=2 if n % 2 else 6, changed=["slow_breaths"] if n % 2 else [],
                              helped="yes" if n % 2 else "no_change"))
    assert any("lower on runs where you eased off" in s for s in summary_sentences(log.read().entries))


def test_lesson_05_reads_no_pattern_while_a_warning_is_open(tmp_path, monkeypatch):
    monkeypatch.setenv("UPPERBACK_DATA_DIR", str(tmp_path))
    from upperback.lessons import your_runs

    angina_pattern_log(CheckInLog())
    shown = your_runs.ache_and_runs()
    words = shown.children[0].value
    assert 'role="alert"' in words and "effort warning sign" in words and "Look for a pattern" not in words
    assert "A warning sign came" in shown.children[1].alt


# --- "a doctor has checked me" ------------------------------------------------------------------------------

def test_a_doctor_check_is_stored_with_its_date_and_brings_the_plan_back(tmp_path):
    store = AnswerStore(tmp_path)
    form = SelfCheckForm(START_HERE_CHECK, store)
    for key, value in {"where": "between_blades", "when": "faster", "how_long": "fades", "with_it": "none"}.items():
        form.pickers[key].value = value
    assert form.submit().on_hold
    form.doctor_check.checked_on.value = TODAY - timedelta(days=2)
    check = form.doctor_check.save()
    assert check == DoctorCheck(TODAY - timedelta(days=2), (EFFORT,), ("effort",))
    assert store.load().doctor_check == check  # kept in the answers file, with its date
    assert "checked by a doctor on" in form.feedback.value and "Next step" not in form.feedback.value
    view = PlanView(store)
    assert not view.plan.on_hold and view.plan.cleared == (EFFORT,)
    assert f"checked by a doctor on {check.on:%d %B %Y}" in view.text.value
    assert view.doctor_check.layout.display == "none"
    assert f"checked by a doctor on {check.on:%d %B %Y}" in plan_page(view.plan)


def test_a_warning_reported_after_the_doctors_check_puts_the_plan_on_hold_again(tmp_path):
    store = AnswerStore(tmp_path)
    store.save("start_here", {"where": "between_blades", "when": "faster", "how_long": "fades", "with_it": "none"})
    store.save_doctor_check(DoctorCheck(TODAY - timedelta(days=10), (EFFORT,), ("effort",)))
    log = CheckInLog(tmp_path)
    log.append(checked_in(TODAY - timedelta(days=12), warning="effort"))  # before the check: covered
    log.append(checked_in(TODAY - timedelta(days=5), started="faster"))  # the pattern the doctor saw: covered
    assert not PlanView(store).plan.on_hold
    log.append(checked_in(TODAY - timedelta(days=1), warning="effort"))  # reported after the check: not covered
    view = PlanView(store)
    assert view.plan.on_hold and view.plan.warning_runs == ((TODAY - timedelta(days=1)).isoformat(),)
    assert view.doctor_check.layout.display is None


def test_a_new_sign_after_a_doctors_check_is_not_covered_by_it(tmp_path):
    store = AnswerStore(tmp_path)
    store.save_doctor_check(DoctorCheck(TODAY - timedelta(days=3), (EMERGENCY,), ("tearing",)))
    store.save("start_here", {"where": "between_blades", "when": "tired", "how_long": "fades", "with_it": "tearing"})
    assert not PlanView(store).plan.on_hold
    store.save("start_here", {"where": "between_blades", "when": "tired", "how_long": "fades",
                              "with_it": "chest_heavy"})
    assert PlanView(store).plan.warnings == (EMERGENCY,), "a different emergency sign is a new one"


def test_an_effort_answer_is_never_read_back_as_a_breathing_habit():
    verdict = score_answers(START_HERE_CHECK, {"where": "elsewhere", "when": "faster", "how_long": "fades",
                                               "with_it": "none"})
    said = " ".join(verdict_sentences(verdict))
    assert verdict.warnings == (EFFORT,) and "how you breathe" not in said and verdict.scores["breathing"] == 0


@pytest.mark.parametrize("day", [TODAY + timedelta(days=1), date(1999, 12, 31), None])
def test_a_doctor_check_date_in_the_future_or_missing_is_refused_in_words(tmp_path, day):
    store = AnswerStore(tmp_path)
    view = PlanView(store)
    view.doctor_check.show_for((EFFORT,))
    view.doctor_check.checked_on.value = day
    assert view.doctor_check.save() is None
    assert "Give the date" in view.doctor_check.message.value and store.load().doctor_check is None
