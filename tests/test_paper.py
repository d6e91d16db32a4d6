"""Pages to print: the runner's one-page plan, the cue card and the scoring keys, checked in words and, in a
real browser, printed to PDF on A4 and on Letter: each must fit one sheet."""

from __future__ import annotations

import re
from datetime import date

import pytest

from harness.browser import pdf_sheets
from upperback.lessons.your_plan import EXAMPLE_RUNNER
from upperback.models.course.lessons import SELF_CHECKS
from upperback.models.course.plan import build_plan
from upperback.models.records.experiment import Schedule
from upperback.pages.printables import cue_card, plan_page, schedule_page, scoring_key, workshop_pages
from upperback.storage.answers import AnswerStore
from upperback.widgets.plan_view import PRINTABLE_PLAN, PlanView

ON_HOLD = {**EXAMPLE_RUNNER, "start_here": {**EXAMPLE_RUNNER["start_here"], "when": "faster"}}


def test_the_printable_plan_holds_the_plan_and_the_warning_signs_but_not_the_answers():
    html = plan_page(build_plan(EXAMPLE_RUNNER))
    assert "Most likely to contribute" in html and "your posture" in html
    assert len(re.findall(r"<li>[^<]+<span class='small'>\(lesson 0\d\)", html)) == 3
    assert "Stop and rest" in html and "ambulance" in html
    for lesson, answers in EXAMPLE_RUNNER.items():  # the runner's own answers never go on paper
        check = next(check for check in SELF_CHECKS if check.lesson == lesson)
        for question in check.questions:
            text = question.option(answers[question.key]).text
            assert len(text) < 12 or text not in html, text
    assert "<script" not in html and "http" not in html


def test_a_plan_on_hold_prints_the_action_and_no_cues():
    html = plan_page(build_plan(ON_HOLD))
    assert "My plan is on hold" in html and "angina" in html
    assert "Try on my next three runs" not in html


@pytest.mark.parametrize("check", SELF_CHECKS, ids=lambda check: check.lesson)
def test_each_scoring_key_lists_every_answer_with_its_points_and_next_step(check):
    html = scoring_key(check)
    for question in check.questions:
        for option in question.options:
            assert option.text.replace("'", "&#x27;") in html.replace("&quot;", '"')
    assert html.count("WARNING SIGN") == sum(bool(o.warning) for q in check.questions for o in q.options)


def test_the_cue_card_has_every_cue_of_every_lesson():
    html = cue_card()
    cues = {option.cue for check in SELF_CHECKS for q in check.questions for option in q.options if option.cue}
    for cue in cues:
        assert (cue[0].upper() + cue[1:]).replace("'", "&#x27;") in html


def test_the_plan_view_offers_the_printable_plan_as_a_download_and_writes_no_file(tmp_path, monkeypatch):
    store = AnswerStore(tmp_path / "data")
    for lesson, answers in EXAMPLE_RUNNER.items():
        store.save(lesson, answers)
    monkeypatch.chdir(tmp_path)  # the lesson's folder: in a class, the pulled repository
    before = sorted(tmp_path.rglob("*"))
    view = PlanView(store)
    offered = view.printable
    assert offered.filename == PRINTABLE_PLAN and offered.mime == "text/html"
    assert offered.content.decode() == plan_page(view.plan) and "your posture" in offered.content.decode()
    assert offered.description == "Download your printable plan" and "print it" in offered.hint
    assert sorted(tmp_path.rglob("*")) == before, "nothing is written beside the lesson"


def test_the_download_follows_the_plan_and_there_is_none_without_self_checks(tmp_path):
    store = AnswerStore(tmp_path / "data")
    view = PlanView(store)
    assert view.printable.content == b""  # no self-check saved: no plan to print
    for lesson, answers in ON_HOLD.items():
        store.save(lesson, answers)
    view.refresh_button.click()
    assert "My plan is on hold" in view.printable.content.decode()  # a warning sign wins on paper too


PRINTED = {"plan": lambda: plan_page(build_plan(EXAMPLE_RUNNER)),
           "plan_on_hold": lambda: plan_page(build_plan(ON_HOLD)),
           "experiment_schedule_10_pairs": lambda: schedule_page(
               Schedule.from_list(["without", "with"] * 10), "eased off and took slow deep breaths", date(2026, 12, 1)),
           **{name: (lambda html=html: html) for name, html in workshop_pages().items()}}


@pytest.mark.browser
@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("name", sorted(PRINTED))
def test_every_printable_page_fits_one_sheet(page, tmp_path, name, paper):
    path = tmp_path / "page.html"
    path.write_text(PRINTED[name](), encoding="utf-8")
    page.goto(path.as_uri())
    assert pdf_sheets(page.pdf(format=paper, print_background=True)) == 1


@pytest.mark.parametrize("check", SELF_CHECKS, ids=lambda check: check.lesson)
def test_each_scoring_key_compares_causes_by_share_as_the_plan_does(check):
    from upperback.models.course.lessons import CAUSE_NAMES, CAUSES
    from upperback.models.course.plan import most_points

    html = scoring_key(check)
    assert "most points" not in html and "share" in html
    for cause in CAUSES:
        if most_points(check, cause):
            assert f"{CAUSE_NAMES[cause]} {most_points(check, cause)}" in html
