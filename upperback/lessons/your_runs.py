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
from upperback.models.records.watch_files import join_with_check_ins
from upperback.storage.answers import AnswerStore
from upperback.storage.checkins import CheckInLog
from upperback.storage.runs import RunStore
from upperback.widgets.checkin_form import CheckInAndReview
from upperback.widgets.controls import Picture
from upperback.widgets.explorer import Explorer
from upperback.widgets.messages import problem_html
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
    """The cadence the explorers start at, and a sentence saying where it comes from."""
    run = latest_run()
    cadence = run.summary.get("cadence_spm_median") if run else None
    if cadence is None:
        why = "no imported run has cadence" if run else "no run is imported yet"
        return DEFAULT_CADENCE, (f"The slider starts at {DEFAULT_CADENCE} steps a minute: {why}. Import a run with "
                                 "cadence above, then run this cell again.")
    shown = on_cadence_slider(cadence)
    clipped = "" if shown == round(cadence) else f" (the slider shows {shown}, the nearest it can)"
    return cadence, (f"Your cadence, from {run.summary['file']}: {cadence:.0f} steps a minute while moving"
                     f"{clipped}.")


def _with_note(explorer: Explorer, note: str) -> Explorer:
    explorer.children = (widgets.HTML(f"<p><b>{escape(note)}</b></p>"), *explorer.children)
    return explorer


def explore_pendulum() -> Explorer:
    """Lesson 01's arm pendulum, starting at your own cadence."""
    cadence, note = your_cadence()
    return _with_note(arm_carriage.explore_pendulum(cadence), note)


def explore_pacer() -> Explorer:
    """Lesson 02's breath-step pacer at your cadence, with the rhythms it allows."""
    cadence, note = your_cadence()
    steps = on_cadence_slider(cadence)
    rhythms = "; ".join(f"{pattern} gives {breathing_rhythm(steps, pattern).breaths_per_min:.0f} breaths a minute"
                        for pattern in ("3:3", "2:2", "2:1"))
    return _with_note(breathing.explore_pacer(cadence), f"{note} At {steps} steps a minute: {rhythms}.")


def check_in_after_latest_run(only_from: date | None = None) -> CheckInAndReview:
    """Lesson 04's check-in, with the date, minutes and kilometres of your newest imported run filled in
    (``only_from``: only a run of that day or later)."""
    form = CheckInAndReview()
    run = latest_run()
    start = run.summary.get("start_utc") if run else None
    if run and (only_from is None or (start and date.fromisoformat(start[:10]) >= only_from)):
        figures = run.summary
        if figures.get("start_utc"):
            form.form.run_date.value = date.fromisoformat(figures["start_utc"][:10])
        moving = figures.get("moving_s") or figures.get("elapsed_s")
        form.form.minutes.value = f"{moving / 60:.0f}" if moving else ""
        form.form.km.value = f"{figures['distance_m'] / 1000:.1f}" if figures.get("distance_m") else ""
    return form


def ache_and_runs() -> widgets.VBox:
    """Over the weeks: the ache of each check-in beside the pace and distance of that day's run. An open
    warning sign in the log comes first and stops any reading of a pattern."""
    entries = CheckInLog().read().entries
    pairs = join_with_check_ins([run.summary for run in RunStore().read().runs], entries)
    warned = open_warnings(entries, AnswerStore().doctor_check())
    if warned:
        words = " ".join(warning_sentences(warned))
    elif len(pairs) < 2 * MIN_RUNS_TO_COMPARE:
        words = (f"{len(pairs)} run{'s have' if len(pairs) != 1 else ' has'} a check-in on the same day. With "
                 f"fewer than {2 * MIN_RUNS_TO_COMPARE}, any pattern is mostly chance: keep logging.")
    else:
        words = (f"{len(pairs)} runs have a check-in on the same day. Look for a pattern, not a proof: does the ache "
                 "follow distance, time running, or neither? An ache that comes when you run faster and eases when "
                 "you slow down is not a pattern to watch but lesson 00's effort warning sign: get checked.")
    chart = Picture()
    chart.show(ache_against_runs_png(pairs), "Three charts of the ache of each check-in against the pace, the "
               f"distance and the length of that day's run. {words}")
    shown = problem_html(words) if warned else f"<p>{escape(words)}</p>"
    return widgets.VBox([widgets.HTML(shown), chart])
