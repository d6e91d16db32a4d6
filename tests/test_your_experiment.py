"""Lesson 06 driven by code as a runner uses it: start an experiment, check in run by run (each check-in says
which run it is and asks whether the change was used), stop or finish, read the answer and its picture; the
warning signs end it at once; the experiments file survives damage as the log does."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from matplotlib.figure import Figure

from harness.check_ins import fill_in_a_run_without_ache
from harness.legibility import legibility_problems
from upperback.figures import style
from upperback.lessons.your_experiment import sample_experiment
from upperback.models.records.experiment import Schedule
from upperback.pages.printables import schedule_page
from upperback.storage.checkins import CheckInLog
from upperback.storage.experiments import ExperimentStore
from upperback.widgets.checkin_form import CheckInForm
from upperback.widgets.experiment_view import ExperimentView


@pytest.fixture
def view(tmp_path):
    return ExperimentView(ExperimentStore(tmp_path), CheckInLog(tmp_path))


def start(view, change="shake_out", pairs=6):
    view.change.value, view.pairs.value = change, pairs
    return view.start()


def check_in(tmp_path, ache: int, used: bool, day: date, warning: str = "none") -> CheckInForm:
    form = CheckInForm(CheckInLog(tmp_path))
    form.run_date.value, form.minutes.value = day, "35"
    form.ache.value = ache
    if ache:
        form.regions["between_blades"].value = True
    form.started.value = "tired" if ache else "no_ache"
    form.helped.value = "no_change"
    form.warning.value = warning
    if form.experiment is not None:
        form.used_change.value = "yes" if used else "no"
        form.helped.value = "a_little" if used else "no_change"
    assert form.save() is True, form.message.value
    return form


def test_starting_draws_a_stored_schedule_and_each_check_in_says_which_run_comes_next(tmp_path, view):
    experiment = start(view)
    assert experiment is not None and experiment.schedule.pairs == 6
    stored = ExperimentStore(tmp_path).read().current
    assert stored.schedule == experiment.schedule and stored.change == "shake_out"
    assert "Next: run 1 of 12" in view.status.value

    form = CheckInForm(CheckInLog(tmp_path))
    first = experiment.schedule.run(1)
    assert "run 1 of 12" in form.experiment_run.value
    assert ("with the change" in form.experiment_run.value) == first.with_change
    assert form.used_change.layout.display is None
    fill_in_a_run_without_ache(form)
    assert form.save() is False and "whether you used the change" in form.message.value
    form.used_change.value = "yes"
    assert form.changed["shake_out"].value is True, "the answer ticks the change in the form"
    form.helped.value = "a_little"
    assert form.save() is True
    assert "Counted as run 1 of your experiment" in form.message.value
    assert "run 2 of 12" in form.experiment_run.value
    assert "Next: run 2 of 12" in view.status.value, "the lesson's view follows the check-in at once"


def test_a_whole_experiment_ends_in_an_answer_with_its_picture(tmp_path, view):
    experiment = start(view)
    first_day = date.today() - timedelta(days=30)
    for number in range(1, 13):
        planned = experiment.schedule.run(number)
        # 1 or 2 points lower by pair: never the same in every pair, whichever order the schedule drew
        ache = (2 + planned.pair_number % 2) if planned.with_change else 4
        check_in(tmp_path, ache=ache, used=planned.with_change, day=first_day + timedelta(days=2 * number))
    view.refresh()
    assert "12 of 12 runs checked in" in view.status.value and "Next:" not in view.status.value
    assert "points lower on runs with the change" in view.answer.value
    assert "What it cannot tell" in view.answer.value and "blinding" in view.answer.value
    assert "points lower on runs with the change" in view.chart.alt and view.chart.png
    assert view.new_button.layout.display is None and view.stop_button.layout.display == "none"
    assert CheckInForm(CheckInLog(tmp_path)).used_change.layout.display == "none", "no run of it comes next"


def test_a_warning_sign_at_a_check_in_ends_the_experiment_and_never_shows_a_benefit(tmp_path, view):
    experiment = start(view)
    first_day = date.today() - timedelta(days=20)
    for number in range(1, 7):
        with_change = experiment.schedule.run(number).with_change
        check_in(tmp_path, ache=1 if with_change else 5, used=with_change, day=first_day + timedelta(days=2 * number))
    check_in(tmp_path, ache=4, used=experiment.schedule.run(7).with_change, day=date.today(), warning="effort")
    view.refresh()
    shown = view.status.value + view.answer.value
    assert 'role="alert"' in view.status.value and "warning sign" in shown
    assert "lower on runs with the change" not in shown and "helped" not in view.answer.value
    assert "lower" not in view.chart.alt


def test_stopping_keeps_what_was_found_and_says_why_it_stopped(tmp_path, view):
    experiment = start(view, pairs=4)
    first_day = date.today() - timedelta(days=20)
    for number in range(1, 5):
        with_change = experiment.schedule.run(number).with_change
        check_in(tmp_path, ache=(2 + number % 3) if with_change else 4, used=with_change,
                 day=first_day + timedelta(days=2 * number))
    view.stop()
    assert "Stopped" in view.message.value and ExperimentStore(tmp_path).read().current.stopped_on == date.today()
    said = view.answer.value
    assert "You stopped after 2 of 4 pairs" in said and "uses the pairs you finished" in said
    assert view.stop_button.layout.display == "none"


def test_an_experiment_needs_a_change_and_the_pairs_say_what_they_can_tell(view):
    view.pairs.value = 4
    assert "can never rule out chance at 5 %" in view.pairs_words.value
    view.pairs.value = 6
    assert "about 6 times in 10" in view.pairs_words.value and "0.031" in view.pairs_words.value
    assert view.start() is None and "Choose the change" in view.message.value


def test_the_experiments_file_survives_a_cut_off_line_and_a_damaged_one(tmp_path, view):
    experiment = start(view)
    check_in(tmp_path, ache=3, used=experiment.schedule.run(1).with_change, day=date.today())
    store = ExperimentStore(tmp_path)
    with store.path.open("ab") as file:
        file.write(b'{"event": "run", "experiment_id": "nobody", "run_number": 1, "entry_id": "x"}\n{"event": "ru')
    read = store.read()
    assert [len(e.runs) for e in read.experiments] == [1] and len(read.problems) == 2
    assert any("start is missing" in problem for problem in read.problems)
    form = check_in(tmp_path, ache=3, used=experiment.schedule.run(2).with_change, day=date.today())
    assert "Counted as run 2" in form.message.value, "the next event starts on a line of its own"
    assert len(store.read().current.runs) == 2


def test_a_stored_schedule_that_was_tampered_with_is_named_not_used(tmp_path):
    store = ExperimentStore(tmp_path)
    store.path.write_text('{"event": "started", "experiment_id": "a", "change": "shake_out", '
                          '"schedule": ["with", "with"], "started_on": "2026-11-01"}\n')
    read = store.read()
    assert read.experiments == [] and "two runs for each of 4 to 10 pairs" in read.problems[0]


def test_the_printable_schedule_lists_every_run_and_the_warning_signs():
    schedule = Schedule.from_list(["with", "without"] * 3 + ["without", "with"] * 3)
    html = schedule_page(schedule, "shook out arms and shoulders", date(2026, 12, 1))
    assert html.count("<tr><td>") == 12 and "shook out arms and shoulders" in html
    assert "Stop at once if a warning sign comes" in html and "<script" not in html


def test_the_printable_schedule_is_offered_as_a_download_once_an_experiment_starts(tmp_path, view, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the lesson's folder: nothing may be written there
    assert view.printable.content == b""  # no experiment, nothing to print
    before = sorted(tmp_path.rglob("*"))
    experiment = start(view)
    offered = view.printable
    assert offered.filename == "my_experiment_schedule.html" and offered.mime == "text/html"
    assert offered.content.decode() == schedule_page(experiment.schedule, "shook out arms and shoulders",
                                                     experiment.started_on)
    assert offered.description == "Download your printable schedule" and "print it" in offered.hint
    assert sorted(tmp_path.rglob("*")) == sorted([*before, tmp_path / "experiments.jsonl"])


def test_the_experiment_picture_is_legible_with_and_without_an_answer():
    from upperback.figures.experiment_chart import experiment_chart_figure

    pairs, answer = sample_experiment()
    no_answer = answer.__class__(**{**answer.__dict__, "effect_points": None, "interval_90_points": None})
    with style.series_style(projector=False):
        for figure in (experiment_chart_figure(pairs, answer), experiment_chart_figure(pairs[:1], no_answer)):
            assert isinstance(figure, Figure) and legibility_problems(figure) == []


def test_the_sample_experiment_reads_as_plain_words():
    pairs, answer = sample_experiment()
    assert answer.status == "finished" and len(pairs) == 6
    assert answer.answer[0].startswith("Your ache was 1.2 points lower on runs with the change")
    assert any("about 7 in 10" in sentence for sentence in answer.answer)


def test_two_pairs_that_disagree_give_no_range_wider_than_the_scale_itself():
    from upperback.models.records.experiment import LoggedRun, analyse_experiment

    schedule = Schedule.from_list(["with", "without"] * 4)
    aches = (2, 4, 6, 3)  # pair 1: 2 points lower with the change; pair 2: 3 points higher
    runs = [LoggedRun(date(2026, 11, 1 + n), ache, n % 2 == 0) for n, ache in enumerate(aches)]
    said = analyse_experiment(schedule, runs, stopped_by_runner=True).answer[0]
    assert "anywhere on the 0 to 10 scale: too few pairs to narrow it down" in said
    assert not any(f"{n:.1f}" in said for n in (12.6, 15.8)), said
