"""Lesson 05's importer: upload a watch file or pick a sample run, see it minute by minute, delete it."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

import ipywidgets as widgets

from upperback.figures.run_charts import run_chart_png
from upperback.models.records.watch_files import (
    MAX_FILE_BYTES,
    RunFileError,
    file_too_big,
    read_run,
    run_name,
    start_words,
)
from upperback.storage.runs import RunStore, StoredRun
from upperback.widgets.controls import Feedback, Picture, Upload
from upperback.widgets.messages import note_html, problem_html, reported
from upperback.widgets.static_fallback import StaticFallback

SAMPLES = Path(__file__).resolve().parents[1] / "sample_runs"
SAMPLE_FILES = sorted(path.name for path in SAMPLES.glob("run_*"))


def privacy_html(folder: Path) -> str:
    on_binder = "BINDER_SERVICE_HOST" in os.environ or "BINDER_REQUEST" in os.environ
    where = ("This session runs on a Binder server: an uploaded file goes to that server, and is deleted with "
             "the session." if on_binder else "Everything stays on the computer running this lesson.")
    return note_html("Kept of each run: its file name, start time, length and distance, and its time, distance, "
                     "speed, cadence and heart rate minute by minute, in a private folder only you can read. "
                     f"Where you ran (the positions) is never kept or shown. {where} The Delete button removes "
                     "an imported run, and Undo brings it back.") + (
        "<details><summary>Where your runs are kept, to find them on this computer</summary>"
        f"<p>{escape(str(folder))}</p></details>")


class RunImporter(StaticFallback, widgets.VBox):
    def __init__(self, store: RunStore | None = None):
        self.store = store or RunStore()
        # a file too big for the course is refused in the page, before it is sent (the servers take messages
        # a little bigger than MAX_FILE_BYTES: upperback/delivery/kernel_websocket.py)
        self.upload = Upload(description="Upload a run", accept=".fit,.tcx,.gpx,.FIT,.TCX,.GPX",
                             tooltip="A FIT, TCX or GPX file from a watch", max_bytes=MAX_FILE_BYTES,
                             too_big=file_too_big("{name}", "{megabytes}"))
        self.upload.on_file(self.import_bytes)
        self.sample = widgets.Dropdown(options=[(run_name(name), name) for name in SAMPLE_FILES],
                                       value=SAMPLE_FILES[0], description="Or a sample run",
                                       tooltip="Real recordings shared by their authors, for runners without a watch",
                                       style={"description_width": "initial"},
                                       layout={"width": "max-content", "max_width": "100%"})
        self.use_sample = widgets.Button(description="Use this sample", icon="play",
                                         tooltip="Import the chosen sample run", layout={"width": "max-content"})
        self.use_sample.on_click(self.import_sample)
        self.runs = widgets.Dropdown(description="Your runs", style={"description_width": "initial"},
                                     tooltip="Your imported runs, newest first",
                                     layout={"width": "36em"})
        self.runs.observe(self._show_chosen, names="value")
        self.delete_button = widgets.Button(description="Delete this run", icon="trash", button_style="warning",
                                            tooltip="Remove the chosen run from your data folder",
                                            layout={"width": "max-content"})
        self.delete_button.on_click(self.delete)
        self.undo_button = widgets.Button(description="Undo the delete", icon="undo",
                                          tooltip="Bring back the run you just deleted",
                                          layout={"width": "max-content", "display": "none"})
        self.undo_button.on_click(self.undo_delete)
        self.deleted: StoredRun | None = None  # the run last deleted, kept in memory until Undo or the next action
        self.message = Feedback()
        self.summary = widgets.HTML()
        self.chart = Picture()
        super().__init__([widgets.HTML(privacy_html(self.store.folder)), self.upload,
                          widgets.HBox([self.sample, self.use_sample], layout={"flex_flow": "row wrap"}), self.message,
                          widgets.HBox([self.runs, self.delete_button, self.undo_button],
                                       layout={"flex_flow": "row wrap"}), self.summary, self.chart])
        self.add_class("upperback-runs")
        self.refresh()

    def static_html(self) -> str:
        return ("<p><i>In the notebook: upload a FIT, TCX or GPX file from your watch, or pick a sample run; "
                "the run is shown minute by minute, without its positions.</i></p>")

    @reported("message")
    def import_bytes(self, data: bytes, name: str) -> StoredRun | None:
        self._forget_deleted()
        try:
            run = read_run(data, name)
        except RunFileError as problem:
            self.message.value = problem_html(str(problem))
            return None
        stored, new = self.store.save(run)
        self.message.value = note_html(f"Imported {_said(stored)}. Its positions were dropped; the figures are kept."
                                       if new else f"{_said(stored)} is already among your runs: nothing was added.")
        self.refresh(chosen=stored.run_id)
        return stored

    def import_sample(self, _button=None) -> StoredRun | None:
        return self.import_bytes((SAMPLES / self.sample.value).read_bytes(), self.sample.value)

    @reported("message")
    def delete(self, _button=None) -> None:
        stored = self._stored.get(self.runs.value) if self.runs.value else None
        if stored is None:
            self.message.value = problem_html("There is no imported run to delete.")
            return
        self.store.delete(stored.run_id)
        self.deleted = stored
        self.message.value = note_html(f"Deleted {_said(stored)}. Changed your mind? Undo the delete brings it back.")
        self.undo_button.layout.display = None
        self.refresh()

    @reported("message")
    def undo_delete(self, _button=None) -> None:
        stored = self.deleted
        if stored is None:
            self.message.value = problem_html("There is no deleted run to bring back.")
            return
        self.store.restore(stored)
        self._forget_deleted()
        self.message.value = note_html(f"Brought back {_said(stored)}.")
        self.refresh(chosen=stored.run_id)

    def _forget_deleted(self) -> None:
        self.deleted = None
        self.undo_button.layout.display = "none"

    @reported("message")
    def refresh(self, chosen: str | None = None) -> None:
        read = self.store.read()
        self._stored = {stored.run_id: stored for stored in read.runs}
        self.runs.options = [(stored.label, stored.run_id) for stored in read.runs]
        self.runs.value = chosen if chosen in self._stored else (read.runs[0].run_id if read.runs else None)
        if read.problems:
            self.message.value = "".join(problem_html(problem) for problem in read.problems)
        self._show_chosen()

    def _show_chosen(self, _change=None) -> None:
        stored = self._stored.get(self.runs.value) if self.runs.value else None
        self.delete_button.disabled = stored is None
        if stored is None:
            self.summary.value = "<p>No run imported yet.</p>"
            self.chart.layout.display = "none"
            return
        self.summary.value = run_summary_html(stored)
        self.chart.chart(run_chart_png, (stored.minutes,), f"Charts of {stored.name} minute by minute: pace, "
                        "cadence and heart rate, each panel saying when the watch did not record it.")
        self.chart.layout.display = None


def _said(stored: StoredRun) -> str:
    return f"{stored.name}, {start_words(stored.summary.get('start_utc'))}"


def run_summary_html(stored: StoredRun) -> str:
    figures = stored.summary
    parts = [f"{figures['elapsed_s'] / 60:.0f} minutes"]
    if figures.get("distance_m"):
        parts.append(f"{figures['distance_m'] / 1000:.2f} km")
    if figures.get("cadence_spm_median"):
        parts.append(f"cadence {figures['cadence_spm_median']:.0f} steps a minute (median while moving)")
    if figures.get("heart_rate_bpm_mean"):
        parts.append(f"heart rate {figures['heart_rate_bpm_mean']:.0f} on average, "
                     f"{figures['heart_rate_bpm_max']:.0f} at most")
    return (f"<p><b>{escape(stored.name)}</b>, {escape(start_words(figures.get('start_utc')))}: "
            f"{escape(', '.join(parts))}. "
            "The chart below shows the same run minute by minute.</p>")
