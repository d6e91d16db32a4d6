"""What lesson 06 (your experiment) calls: one line per cell."""

from __future__ import annotations

import random
from datetime import date, timedelta
from html import escape

import ipywidgets as widgets
from IPython.display import display

from upperback.figures.experiment_chart import experiment_chart_alt, experiment_chart_png
from upperback.lessons import your_runs
from upperback.models.records.checkin_log import CHANGES
from upperback.models.records.experiment import (
    POWER_QUOTED,
    LoggedRun,
    analyse_experiment,
    make_schedule,
    pair_up,
)
from upperback.widgets.checkin_form import CheckInAndReview
from upperback.widgets.controls import Picture
from upperback.widgets.experiment_view import ExperimentView, answer_html
from upperback.widgets.number_table import NumberTable


def your_experiment() -> ExperimentView:
    """Choose one change and how many pairs; then follow the schedule, and read the answer."""
    return ExperimentView()


def check_in() -> CheckInAndReview:
    """Lesson 04's check-in: during an experiment it says which run this is and asks whether you used the
    change; a run imported from your watch today (lesson 05) fills in its minutes and kilometres."""
    return your_runs.check_in_after_latest_run(only_from=date.today())


def what_pairs_can_tell() -> None:
    """How often an experiment finds a real effect, by the number of pairs (the simulation behind the lesson)."""
    display(NumberTable("How often an experiment finds a real effect, by its number of pairs",
                        ("pairs", "a 2-point effect found", "a 1-point effect found", "smallest possible p"),
                        tuple((f"{pairs}", f"{POWER_QUOTED[(2, pairs)]:.0%} of the time",
                               f"{POWER_QUOTED[(1, pairs)]:.0%} of the time", f"{2 / 2 ** pairs:.3f}")
                              for pairs in (4, 6, 8, 10))))


SAMPLE_CHANGE = "shake_out"
SAMPLE_SEED = 6  # our choice: a made-up runner's draws, the same every time
SAMPLE_ACHE = {True: (2, 3, 2, 4, 3, 2), False: (4, 4, 2, 5, 4, 4)}  # made up: ache with and without, by pair


def sample_experiment():
    """A made-up runner's finished experiment (6 pairs, shaking out the arms): its pairs and its answer."""
    schedule = make_schedule(6, random_source=random.Random(SAMPLE_SEED))
    start = date(2026, 11, 2)
    runs = []
    for number in range(1, schedule.runs + 1):
        planned = schedule.run(number)
        ache = SAMPLE_ACHE[planned.with_change][planned.pair_number - 1]
        runs.append(LoggedRun(start + timedelta(days=2 * number), ache, planned.with_change, km=6.0 + number % 3 * 0.2,
                              minutes=36.0 + number % 3))
    return pair_up(schedule, runs), analyse_experiment(schedule, runs)


def show_sample_experiment():
    """The made-up runner's answer, as your own will look: the picture, its first sentence, and the whole answer
    folded under it (a slide shows the picture and the headline; the notebook opens the rest on a click)."""
    pairs, answer = sample_experiment()
    picture = Picture()
    picture.chart(experiment_chart_png, (pairs, answer), experiment_chart_alt(pairs, answer))
    return widgets.VBox([widgets.HTML(f"<p><b>A made-up runner tested “{escape(CHANGES[SAMPLE_CHANGE])}”.</b> "
                                      f"{escape(answer.answer[0])}</p>"), picture,
                         widgets.HTML(f"<details><summary>The whole answer, and what it cannot tell</summary>"
                                      f"{answer_html(answer)}</details>")])
