"""Lesson 06 on screen: choose one change and how many pairs, get a randomised schedule, see each run as it
is checked in, stop when you like, and read the answer with its picture.

The runs themselves are check-ins (the check-in form knows when an experiment is going and says which run
comes next); here they are put together with the schedule and read by upperback.models.records.experiment.
"""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as widgets

from upperback.figures.experiment_chart import experiment_chart_alt, experiment_chart_png
from upperback.models.records.checkin_log import CHANGES
from upperback.models.records.experiment import (
    PAIRS_DEFAULT,
    PAIRS_FEWEST,
    PAIRS_MOST,
    POWER_QUOTED,
    ExperimentAnswer,
    analyse_experiment,
    logged_run_from_check_in,
    make_schedule,
    pair_up,
)
from upperback.pages.printables import schedule_page
from upperback.storage.answers import AnswerStore
from upperback.storage.checkins import CheckInLog
from upperback.storage.experiments import Experiment, ExperimentStore
from upperback.storage.files import plain_error
from upperback.widgets.checkin_form import CHECK_INS_SAVED
from upperback.widgets.controls import Download, Feedback, Picture, slider
from upperback.widgets.messages import note_html, problem_html, reported
from upperback.widgets.static_fallback import StaticFallback

PRINTABLE_SCHEDULE = "my_experiment_schedule.html"  # the name it is saved under, on the learner's computer
CELL = ' style="padding:0.15em 0.6em;text-align:left"'


def power_words(pairs: int) -> str:
    """What this many pairs can tell, from the simulation the lesson quotes."""
    smallest_p = 2 / 2 ** pairs
    two, one = POWER_QUOTED.get((2, pairs)), POWER_QUOTED.get((1, pairs))
    found = (f"If the change really lowers your ache by 2 points, {pairs} pairs find it about {round(two * 10)} "
             f"times in 10; by 1 point, about {round(one * 10)} times in 10." if two and one else "")
    chance = (f"With {pairs} pairs the exact test's smallest possible p is {smallest_p:.3f}" +
              (": it can never rule out chance at 5 %." if smallest_p > 0.05 else "."))
    return f"{2 * pairs} runs. {found} {chance}"


def answer_for(experiment: Experiment, log: CheckInLog, answers: AnswerStore) -> tuple[list, ExperimentAnswer]:
    """The experiment's pairs and its answer, from the check-ins that are its runs."""
    entries = {entry.entry_id: entry for entry in log.read().entries}
    doctor_check = answers.doctor_check()
    runs = [logged_run_from_check_in(entries[entry_id], experiment.change, doctor_check)
            if entry_id in entries else None for entry_id in experiment.runs]
    pairs = pair_up(experiment.schedule, runs)
    return pairs, analyse_experiment(experiment.schedule, runs, stopped_by_runner=experiment.stopped_on is not None)


class ExperimentView(StaticFallback, widgets.VBox):
    """Set up, follow and read your experiment; it refreshes itself after each check-in."""

    def __init__(self, store: ExperimentStore | None = None, log: CheckInLog | None = None):
        self.store = store or ExperimentStore()
        self.run_log = log or CheckInLog(self.store.folder)
        self.answers = AnswerStore(self.store.folder)
        self.change = widgets.Dropdown(options=[(label, key) for key, label in CHANGES.items()], value=None,
                                       tooltip="The one change your experiment tests",
                                       description="The change to test", style={"description_width": "initial"},
                                       layout=widgets.Layout(width="max-content"))
        self.pairs = slider("Pairs of runs", PAIRS_FEWEST, PAIRS_MOST, 1, PAIRS_DEFAULT,
                            "How many pairs of runs: each pair has one run with the change and one without")
        self.pairs_words = widgets.HTML()
        self.pairs.observe(self._say_what_pairs_tell, names="value")
        self.start_button = widgets.Button(description="Start my experiment", button_style="primary", icon="flask",
                                           tooltip="Draw the schedule and start", layout={"width": "max-content"})
        self.start_button.on_click(self.start)
        self.setup = widgets.VBox([self.change, self.pairs, self.pairs_words, self.start_button])
        self.status = widgets.HTML()
        self.schedule_table = widgets.HTML()
        self.stop_button = widgets.Button(description="Stop my experiment", icon="stop",
                                          tooltip="End it now; the answer uses the pairs finished so far",
                                          layout={"width": "max-content"})
        self.stop_button.on_click(self.stop)
        self.printable = Download(description="Download your printable schedule",
                                  hint="then open it and print it from your browser: one page to keep by your "
                                       "shoes.")
        self.new_button = widgets.Button(description="Plan a new experiment", icon="plus",
                                         layout={"width": "max-content"})
        self.new_button.on_click(self._show_setup)
        self.answer = widgets.HTML()
        self.chart = Picture()
        self.message = Feedback()
        self.buttons = widgets.HBox([self.stop_button, self.new_button], layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([self.setup, self.status, self.schedule_table, self.printable, self.buttons, self.answer,
                          self.chart, self.message])
        self.add_class("upperback-experiment")
        self.experiment: Experiment | None = None
        self._say_what_pairs_tell()
        CHECK_INS_SAVED.listen("your experiment", self.refresh)
        self.refresh()

    def static_html(self) -> str:
        return ("<p><i>In the notebook: choose one change and a number of pairs; the course draws which run of "
                "each pair uses the change, follows your check-ins, and gives the answer with its picture.</i></p>")

    def _say_what_pairs_tell(self, _change=None) -> None:
        self.pairs_words.value = f"<p>{escape(power_words(self.pairs.value))}</p>"

    @reported("message")
    def start(self, _button=None) -> Experiment | None:
        if self.change.value is None:
            self.message.value = problem_html("Choose the change to test first.")
            return None
        try:
            experiment = self.store.start(self.change.value, make_schedule(self.pairs.value), date.today())
        except OSError as problem:
            self.message.value = problem_html(f"Your experiment could not be saved ({plain_error(problem)}); "
                                              "nothing was started.")
            return None
        self.message.value = note_html("Started. Check in after each run: the check-in says which run comes "
                                       "next and whether it uses the change.")
        self.refresh()
        return experiment

    @reported("message")
    def stop(self, _button=None) -> None:
        if self.experiment is None or not self.experiment.going:
            self.message.value = problem_html("There is no experiment going to stop.")
            return
        self.store.stop(self.experiment, date.today())
        self.message.value = note_html("Stopped. The answer below uses the pairs you finished.")
        self.refresh()

    def _show_setup(self, _button=None) -> None:
        self.setup.layout.display = None

    @reported("message")
    def refresh(self) -> None:
        read = self.store.read()
        self.experiment = experiment = read.current
        problems = "".join(problem_html(p) for p in read.problems)
        going = experiment is not None and experiment.going
        self.setup.layout.display = "none" if going or experiment is not None else None
        self.stop_button.layout.display = None if going else "none"
        self.new_button.layout.display = None if experiment is not None and not going else "none"
        if experiment is None:
            self.printable.clear()
            self.status.value = problems + "<p>No experiment yet: choose a change and start.</p>"
            self.schedule_table.value = self.answer.value = ""
            self.chart.layout.display = "none"
            return
        pairs, answer = answer_for(experiment, self.run_log, self.answers)
        self.status.value = problems + status_html(experiment, answer)
        self.schedule_table.value = schedule_html(experiment)
        self.printable.hold(schedule_page(experiment.schedule, CHANGES[experiment.change], experiment.started_on)
                            .encode("utf-8"), PRINTABLE_SCHEDULE, "text/html")
        self.answer.value = answer_html(answer)
        self.chart.chart(experiment_chart_png, (pairs, answer), experiment_chart_alt(pairs, answer))
        self.chart.layout.display = None


def status_html(experiment: Experiment, answer: ExperimentAnswer) -> str:
    change = escape(CHANGES[experiment.change])
    done = len(experiment.runs)
    head = f"<p><b>Your experiment:</b> “{change}”, {experiment.schedule.pairs} pairs, started " \
           f"{experiment.started_on:%d %B %Y}; {done} of {experiment.schedule.runs} runs checked in.</p>"
    if answer.status in ("stopped_warning_sign", "paused_strong_ache"):
        return problem_html(" ".join(answer.answer)) + head
    if experiment.next_run is not None:
        planned = experiment.schedule.run(experiment.next_run)
        head += (f"<p>Next: run {planned.run_number} of {experiment.schedule.runs}: "
                 + (f"<b>with the change</b> ({change})" if planned.with_change else "<b>as usual</b>, without it")
                 + ".</p>")
    return head


def schedule_html(experiment: Experiment) -> str:
    rows = []
    for number in range(1, experiment.schedule.runs + 1):
        planned = experiment.schedule.run(number)
        state = "checked in" if number <= len(experiment.runs) else (
            "next" if number == experiment.next_run else "to come")
        rows.append(f"<tr><td{CELL}>{number}</td><td{CELL}>{planned.pair_number}</td><td{CELL}>"
                    f"{'with the change' if planned.with_change else 'as usual'}</td><td{CELL}>{state}</td></tr>")
    head = "".join(f"<th{CELL}>{name}</th>" for name in ("run", "pair", "plan", ""))
    return (f'<details><summary>Your schedule, run by run</summary><table class="upperback-log">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></details>")


def answer_html(answer: ExperimentAnswer) -> str:
    said = "".join(f"<li>{escape(sentence)}</li>" for sentence in answer.answer)
    skipped = "".join(f"<li>Pair {s.pair_number}: {escape(s.reason)}</li>" for s in answer.pairs_skipped)
    cannot = "".join(f"<li>{escape(sentence)}</li>" for sentence in answer.cannot_tell)
    parts = [f"<h4>Your answer so far</h4><ul>{said}</ul>"]
    if skipped:
        parts.append(f"<p>Left out:</p><ul>{skipped}</ul>")
    if answer.distance_level is not None and answer.distance_level.sentence:
        parts.append(f"<p>{escape(answer.distance_level.sentence)}</p>")
    if cannot:
        parts.append(f"<p><b>What it cannot tell:</b></p><ul>{cannot}</ul>")
    return "".join(parts)
