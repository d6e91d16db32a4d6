"""What lesson 05 (your runs) calls: one line per cell."""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as widgets

from upperback.figures.run_charts import ache_against_runs_png
from upperback.lessons import arm_carriage, breathing
from upperback.models.body.breathing_rhythm import breathing_rhythm
from upperback.models.body.running import on_cadence_slider
from upperback.models.records.checkin_log import MIN_RUNS_TO_COMPARE, open_warnings, warning_sentences
from upperback.models.records.watch_files import join_with_check_ins, start_words
from upperback.storage.answers import AnswerStore
from upperback.storage.checkins import CheckInLog
from upperback.storage.runs import RUNS_CHANGED, RunStore
from upperback.widgets.checkin_form import CHECK_INS_SAVED, CheckInAndReview
from upperback.widgets.controls import Picture
from upperback.widgets.explorer import Explorer
from upperback.widgets.messages import note_html, problem_html, reported
from upperback.widgets.run_import import RunImporter

DEFAULT_CADENCE = 170  # steps a minute, where the explorers start when no run is imported yet


def import_runs() -> RunImporter:
    """Upload a watch file, or pick a sample run; see it minute by minute."""
    return RunImporter()


def latest_run():
    """The newest imported run, or None."""
    runs = RunStore().read().runs
    return runs[0] if runs else None


def your_cadence() -> tuple[float, str]:
    """The cadence the explorers show, and a sentence saying where it comes from."""
    run = latest_run()
    cadence = run.summary.get("cadence_spm_median") if run else None
    if cadence is None:
        why = "no imported run has cadence" if run else "no run is imported yet"
        return DEFAULT_CADENCE, (f"The slider is at {DEFAULT_CADENCE} steps a minute: {why}. Import a run with "
                                 "cadence above, and it moves to your cadence.")
    shown = on_cadence_slider(cadence)
    clipped = "" if shown == round(cadence) else f" (the slider shows {shown}, the nearest it can)"
    return cadence, f"Your cadence, from {run.name}: {cadence:.0f} steps a minute while moving{clipped}."


class _FollowsYourRuns:
    """A part of the lesson that shows what your runs say, kept up to date as you import or delete one (and,
    with ``also_check_ins``, as you save a check-in): no cell to run again, in JupyterLab or the app. Each
    part has one ``role``: the same cell run again takes over from the widget it made before."""

    def __init__(self, role: str, message: widgets.HTML, also_check_ins: bool = False):
        self.message = message  # where a problem is said, in words
        RUNS_CHANGED.listen(role, self.follow)
        if also_check_ins:
            CHECK_INS_SAVED.listen(role, self.follow)
        self.follow()

    def follow(self) -> None:
        raise NotImplementedError


class _ExplorerAtYourCadence(_FollowsYourRuns):
    def __init__(self, role: str, explorer: Explorer, words_at):
        self.explorer, self.words_at, self.note = explorer, words_at, widgets.HTML()
        explorer.children = (self.note, *explorer.children)
        super().__init__(role, explorer.message)

    @reported("message")
    def follow(self) -> None:
        cadence, note = your_cadence()
        self.explorer.controls["cadence"].value = on_cadence_slider(cadence)
        self.note.value = f"<p><b>{escape(self.words_at(note, on_cadence_slider(cadence)))}</b></p>"


def explore_pendulum() -> Explorer:
    """Lesson 01's arm pendulum at your own cadence: it moves to the cadence of each run you import."""
    explorer = arm_carriage.explore_pendulum(your_cadence()[0])
    _ExplorerAtYourCadence("lesson 05's arm pendulum", explorer, lambda note, _steps: note)
    return explorer


def _with_rhythms(note: str, steps: int) -> str:
    rhythms = "; ".join(f"{pattern} gives {breathing_rhythm(steps, pattern).breaths_per_min:.0f} breaths a minute"
                        for pattern in ("3:3", "2:2", "2:1"))
    return f"{note} At {steps} steps a minute: {rhythms}."


def explore_pacer() -> Explorer:
    """Lesson 02's breath-step pacer at your cadence, with the rhythms it allows; it follows your imports."""
    explorer = breathing.explore_pacer(your_cadence()[0])
    _ExplorerAtYourCadence("lesson 05's breath pacer", explorer, _with_rhythms)
    return explorer


class _CheckInFilledFromYourRun(_FollowsYourRuns):
    def __init__(self, only_from: date | None):
        self.only_from, self.note = only_from, widgets.HTML()
        self.view = CheckInAndReview()
        self.view.children = (self.note, *self.view.children)
        super().__init__("the check-in after your latest run", self.view.form.message)

    @reported("message")
    def follow(self) -> None:
        run, form = latest_run(), self.view.form
        start = run.summary.get("start_utc") if run else None
        if run is None or (self.only_from and not (start and date.fromisoformat(start[:10]) >= self.only_from)):
            self.note.value = note_html(
                "No imported run to fill in from: type the date, minutes and kilometres yourself, or import a run "
                "above and they are filled in from it." if self.only_from is None else
                f"No run imported on {self.only_from:%d %B %Y} or later to fill in from: type the date, minutes and "
                "kilometres yourself (a run imported in lesson 05 fills them in when you open this lesson again).")
            return
        figures = run.summary
        if start:
            form.run_date.value = date.fromisoformat(start[:10])
        moving = figures.get("moving_s") or figures.get("elapsed_s")
        form.minutes.value = f"{moving / 60:.0f}" if moving else ""
        form.km.value = f"{figures['distance_m'] / 1000:.1f}" if figures.get("distance_m") else ""
        self.note.value = note_html(f"Filled in from your newest imported run: {run.name}, "
                                    f"{start_words(start)}. Check the figures, then add the rest.")


def check_in_after_latest_run(only_from: date | None = None) -> CheckInAndReview:
    """Lesson 04's check-in, with the date, minutes and kilometres of your newest imported run filled in, and
    filled in again when you import another (``only_from``: only a run of that day or later)."""
    return _CheckInFilledFromYourRun(only_from).view


class _AcheAndRuns(_FollowsYourRuns):
    def __init__(self):
        self.words, self.chart = widgets.HTML(), Picture()
        self.view = widgets.VBox([self.words, self.chart])
        super().__init__("lesson 05's ache against runs", self.words, also_check_ins=True)

    @reported("words")
    def follow(self) -> None:
        entries = CheckInLog().read().entries
        pairs = join_with_check_ins([run.summary for run in RunStore().read().runs], entries)
        warned = open_warnings(entries, AnswerStore().doctor_check())
        if warned:
            words = " ".join(warning_sentences(warned))
        elif len(pairs) < 2 * MIN_RUNS_TO_COMPARE:
            words = (f"{len(pairs)} run{'s have' if len(pairs) != 1 else ' has'} a check-in on the same day. With "
                     f"fewer than {2 * MIN_RUNS_TO_COMPARE}, any pattern is mostly chance: keep logging.")
        else:
            words = (f"{len(pairs)} runs have a check-in on the same day. Look for a pattern, not a proof: does the "
                     "ache follow distance, time running, or neither? An ache that comes when you run faster and "
                     "eases when you slow down is not a pattern to watch but lesson 00's effort warning sign: get "
                     "checked.")
        self.chart.chart(ache_against_runs_png, (pairs,), "Three charts of the ache of each check-in against the pace, "
                        f"the distance and the length of that day's run. {words}")
        self.words.value = problem_html(words) if warned else f"<p>{escape(words)}</p>"


def ache_and_runs() -> widgets.VBox:
    """Over the weeks: the ache of each check-in beside the pace and distance of that day's run, kept up to date
    as you import runs and save check-ins. An open warning sign in the log comes first and stops any reading of
    a pattern."""
    return _AcheAndRuns().view
