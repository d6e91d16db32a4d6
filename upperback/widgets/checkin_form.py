"""The run check-in: a form that validates before saving, and a review of the log with export and import."""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as widgets

from upperback.figures.plan_charts import ache_chart_png
from upperback.models.course.warning_signs import ACTIONS, TIER_NAMES, TIERS
from upperback.models.records.checkin_csv import MAX_CSV_BYTES
from upperback.models.records.checkin_log import (
    CHANGES,
    HELPED,
    NOTICED,
    REGIONS,
    STARTED,
    WARNING_ANSWERS,
    InvalidCheckIn,
    summary_sentences,
    validate_check_in,
)
from upperback.storage.answers import AnswerStore
from upperback.storage.changes import Listeners
from upperback.storage.checkins import CheckInLog
from upperback.storage.experiments import ExperimentStore
from upperback.storage.files import plain_error
from upperback.widgets.controls import Choices, Download, Feedback, Picture, Upload, slider
from upperback.widgets.messages import note_html, problem_html, reported, table_frame_html
from upperback.widgets.static_fallback import StaticFallback
from upperback.widgets.warning_view import warnings_html

WIDE = {"description_width": "12em"}
CELL = ' style="padding:0.2em 0.7em;text-align:left;vertical-align:top"'


def _checkboxes(choices: dict) -> dict[str, widgets.Checkbox]:
    return {key: widgets.Checkbox(value=False, description=label, indent=False, tooltip=label,
                                  layout=widgets.Layout(width="max-content", margin="0 1.5em 0 0"))
            for key, label in choices.items()}


def _group(title: str, boxes: dict) -> widgets.VBox:
    return widgets.VBox([widgets.HTML(f"<b>{title}</b>"),
                         widgets.HBox(list(boxes.values()), layout=widgets.Layout(flex_flow="row wrap"))])


class CheckInForm(widgets.VBox):
    """Fill in after a run; nothing is written unless every field is valid."""

    def __init__(self, log: CheckInLog | None = None, on_saved=None, experiments: ExperimentStore | None = None):
        self.run_log = log or CheckInLog()
        self.experiments = experiments or ExperimentStore(self.run_log.folder)
        self.on_saved = on_saved
        # every label gets words to show on hover: without a tooltip, ipywidgets writes "null" there
        self.run_date = widgets.DatePicker(value=date.today(), description="Date of the run", style=WIDE,
                                           tooltip="The day you ran")
        self.minutes = widgets.Text(description="Minutes", placeholder="e.g. 35", style=WIDE,
                                    tooltip="How long you ran, in minutes")
        self.km = widgets.Text(description="Kilometres", placeholder="e.g. 6.5 (optional)", style=WIDE,
                               tooltip="How far you ran, in kilometres (you may leave it empty)")
        self.ache = slider("Ache, 0 none to 10 worst", 0, 10, 1, 0, "How much it ached during or after the run")
        self.regions = _checkboxes(REGIONS)
        self.started = widgets.Dropdown(options=[(label, key) for key, label in STARTED.items()], value=None,
                                        description="When it started", style=WIDE,
                                        tooltip="When the ache came on during the run")
        self.noticed = _checkboxes(NOTICED)
        self.changed = _checkboxes(CHANGES)
        self.helped = Choices([(label, key) for key, label in HELPED.items()], legend="Did it help?")
        self.warning = Choices([(label, key) for key, label in WARNING_ANSWERS.items()],
                               legend="Did any of lesson 00's warning signs come with this run? (Pick the first "
                               "that fits.)")
        self.note = widgets.Textarea(description="Note", placeholder="anything else worth remembering",
                                     tooltip="Anything else worth remembering about this run",
                                     style=WIDE, layout=widgets.Layout(width="40em", height="4em"))
        self.save_button = widgets.Button(description="Save this check-in", button_style="primary", icon="save",
                                          layout=widgets.Layout(width="max-content"))
        self.save_button.on_click(self.save)
        self.message = Feedback()
        # during an experiment (lesson 06): which run this is, and whether the change was used on it
        self.experiment_run = widgets.HTML()
        self.used_change = Choices([("Yes", "yes"), ("No", "no")], legend="Did you use the change on this run?")
        self.used_change.observe(self._tick_the_change, names="value")
        super().__init__([
            self.experiment_run, self.used_change, self.run_date, self.minutes, self.km, self.ache,
            _group("Where it ached", self.regions), self.started, _group("What you noticed", self.noticed),
            _group("What you changed", self.changed), self.helped, self.warning, self.note, self.save_button,
            self.message,
        ])
        self.add_class("upperback-checkin")
        self.show_experiment()

    def show_experiment(self) -> None:
        """Say which run of a going experiment this check-in is, and ask whether the change was used."""
        read = self.experiments.read()
        experiment = self.experiment = read.current if read.current and read.current.going else None
        self.used_change.layout.display = None if experiment else "none"
        if experiment is None:
            self.experiment_run.value = ""
            return
        planned = experiment.schedule.run(experiment.next_run)
        plan = (f"with the change ({CHANGES[experiment.change]})" if planned.with_change else
                "as usual, without the change")
        self.experiment_run.value = note_html(f"Your experiment: this check-in is run {planned.run_number} of "
                                              f"{experiment.schedule.runs}, planned {plan}.")
        self.used_change.value = None

    def _tick_the_change(self, change) -> None:
        if self.experiment is not None and change["new"] is not None:
            self.changed[self.experiment.change].value = change["new"] == "yes"

    def values(self) -> dict:
        return {
            "run_date": self.run_date.value.isoformat() if self.run_date.value else "",
            "minutes": self.minutes.value, "km": self.km.value, "ache": self.ache.value,
            "regions": [key for key, box in self.regions.items() if box.value], "started": self.started.value,
            "noticed": [key for key, box in self.noticed.items() if box.value],
            "changed": [key for key, box in self.changed.items() if box.value],
            "helped": self.helped.value, "note": self.note.value, "warning": self.warning.value,
        }

    @reported("message")
    def save(self, _button=None) -> bool:
        try:
            entry = validate_check_in(self.values())
            if self.experiment is not None and self.used_change.value is None:
                raise InvalidCheckIn(["say whether you used the change on this run of your experiment"])
        except InvalidCheckIn as problem:
            self.message.value = problem_html("Not saved yet. Please fix: " + "; ".join(problem.problems) + ".")
            return False
        try:
            self.run_log.append(entry)
        except OSError as problem:
            self.message.value = problem_html(f"Could not save to your log ({plain_error(problem)}); your entry is "
                                              "still in the form.")
            return False
        saved = note_html("Saved to your log, in a private folder on the computer running this lesson.")
        tier = entry.warning_tier
        if tier:  # a warning wins: its action first, before anything else the form says
            why = ("An ache that starts when you speed up or climb is the pattern of the effort warning sign."
                   if entry.effort_pattern and not entry.warning_reported else "")
            saved = (warnings_html([tier], "This run came with a warning sign.")
                     + problem_html(" ".join(filter(None, [why, ACTIONS[tier]]))) + saved)
        if self.experiment is not None:
            try:
                number = self.experiments.add_run(self.experiment, entry.entry_id)
                saved += note_html(f"Counted as run {number} of your experiment.")
            except OSError as problem:
                saved += problem_html(f"The check-in is saved, but your experiment could not note it as its next "
                                      f"run ({plain_error(problem)}).")
        self.message.value = saved
        self.note.value = ""
        self.show_experiment()
        if self.on_saved:
            self.on_saved()
        CHECK_INS_SAVED.tell()
        return True


CHECK_INS_SAVED = Listeners()  # views elsewhere on the page that show what check-ins add up to (lessons 05, 06)


class LogReview(widgets.VBox):
    """The ache chart, a summary in words, the entries as a table, the log to download as CSV, and a CSV
    export to upload and add back (on another computer, or after a Binder session ended)."""

    def __init__(self, log: CheckInLog | None = None):
        self.run_log = log or CheckInLog()
        self.answers = AnswerStore(self.run_log.folder)  # where the runner's word on a doctor's check is kept
        self.chart = Picture()
        self.summary = widgets.HTML()
        self.table = widgets.HTML()
        self.download = Download(description="Download your log as a CSV file",
                                 hint="to keep a copy: a spreadsheet opens it, and “Add runs from a CSV export” "
                                      "brings it back.")
        self.upload = Upload(description="Add runs from a CSV export", accept=".csv,.CSV",
                             tooltip="A CSV file downloaded from this log", max_bytes=MAX_CSV_BYTES,
                             too_big=f"{{name}}: this file is {{megabytes}} MB; a log export is at most "
                                     f"{MAX_CSV_BYTES // 1_000_000} MB. Nothing was imported.")
        self.upload.on_file(self.import_file)
        self.message = Feedback()
        super().__init__([self.chart, self.summary, self.table,
                          widgets.HBox([self.download, self.upload], layout=widgets.Layout(flex_flow="row wrap",
                                                                                         align_items="center")),
                          self.message])
        self.add_class("upperback-review")
        self.refresh()

    @reported("summary")
    def refresh(self) -> None:
        read = self.run_log.read()
        sentences = summary_sentences(read.entries, self.answers.doctor_check())
        self.chart.chart(ache_chart_png, (read.entries,), "Chart of the ache after each run, 0 to 10, by date, with a "
                        "lane below it marking each change tried. " + sentences[0])
        problems = "".join(problem_html(p) for p in read.problems)
        self.summary.value = problems + "<ul>" + "".join(f"<li>{escape(s)}</li>" for s in sentences) + "</ul>"
        self.table.value = entries_table_html(read.entries)
        if read.entries:  # the download follows the log, so it always holds every run shown
            name, text = self.run_log.csv_export(read.entries)
            self.download.hold(text.encode("utf-8"), name, "text/csv")
        else:
            self.download.clear()

    @reported("message")
    def import_text(self, text: str, name: str = "that file") -> None:
        try:
            added, problems = self.run_log.import_csv(text)
        except OSError as problem:
            self.message.value = problem_html(f"Could not add to the log ({plain_error(problem)}).")
            return
        if added:
            report = [note_html(f"Added {added} run{'s' if added != 1 else ''} from {name} to your log.")]
        elif problems:
            report = [problem_html(f"Nothing was added from {name}.")]
        else:
            report = [note_html(f"Every run in {name} is already in your log: nothing was added.")]
        report += [problem_html(p) for p in problems]
        self.message.value = "".join(report)
        self.refresh()
        if added:
            CHECK_INS_SAVED.tell()

    @reported("message")
    def import_file(self, data: bytes, name: str) -> None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.message.value = problem_html(f"{name} is not a text CSV file; nothing imported.")
            return
        self.import_text(text, name)


TABLE_ROWS = 50  # our choice: the newest runs; the whole log is in the CSV export


def entries_table_html(entries) -> str:
    """The newest runs first, at most TABLE_ROWS of them; every value the runner typed is escaped, so it
    shows as text and never runs."""
    if not entries:
        return ""
    newest = sorted(entries, key=lambda e: e.run_date, reverse=True)
    more = (f"<p>Showing the {TABLE_ROWS} newest of {len(entries):,} runs; the CSV download below has them all."
            "</p>") if len(entries) > TABLE_ROWS else ""
    rows = "".join(
        "<tr>" + "".join(f"<td{CELL}>{escape(str(cell))}</td>" for cell in (
            e.run_date, f"{e.minutes:g} min" if e.minutes else f"{e.km:g} km", e.ache,
            ", ".join(REGIONS[r] for r in e.regions) or "-", STARTED[e.started],
            ", ".join(CHANGES[c] for c in e.changed) or "-", HELPED[e.helped], e.note)) + "</tr>"
        for e in newest[:TABLE_ROWS])
    head = "".join(f"<th{CELL}>{h}</th>" for h in ("date", "length", "ache", "where", "started", "changed", "helped",
                                               "note"))
    return more + table_frame_html(f'<table class="upperback-log"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>'
                                   "</table>", "Your runs, newest first")


class CheckInAndReview(StaticFallback, widgets.VBox):
    """The check-in form above the review of the log; saving a check-in updates the review at once."""

    def __init__(self, log: CheckInLog | None = None):
        log = log or CheckInLog()
        self.review = LogReview(log)
        self.form = CheckInForm(log, on_saved=self.review.refresh)
        super().__init__([self.form, widgets.HTML("<h3>Your log so far</h3>"), self.review])

    def static_html(self) -> str:
        """A paper check-in to copy, with the same fields as the form."""
        def boxes(choices):
            return " &nbsp; ".join(f"☐ {escape(label)}" for label in choices.values())
        rows = [("Date", "____________"), ("Minutes / kilometres", "______ / ______"),
                ("Ache, 0 (none) to 10 (worst)", "______"), ("Where it ached", boxes(REGIONS)),
                ("When it started", boxes(STARTED)), ("What you noticed", boxes(NOTICED)),
                ("What you changed", boxes(CHANGES)), ("Did it help?", boxes(HELPED)),
                ("Did any warning sign come with it? (Pick the first that fits.)", boxes(WARNING_ANSWERS)),
                ("If one did", "<br>".join(f"{escape(TIER_NAMES[tier]).capitalize()}: {escape(ACTIONS[tier])}"
                                           for tier in TIERS)),
                ("Note", "________________________________________")]
        body = "".join(f"<tr><th{CELL}>{name}</th><td{CELL}>{value}</td></tr>" for name, value in rows)
        return f"<h3>Run check-in (copy one per run)</h3><table>{body}</table>"
