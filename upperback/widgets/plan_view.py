"""Lesson 04's plan on screen: likely causes with the reasons, a chart, cues with links, missing lessons."""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from upperback.figures.plan_charts import cause_chart_alt, cause_chart_png
from upperback.models.course.lessons import BY_KEY, CAUSE_NAMES
from upperback.models.course.plan import build_plan
from upperback.models.course.selfcheck import cleared_sentence, sentence_case
from upperback.models.course.warning_signs import ACTIONS
from upperback.pages.printables import plan_page
from upperback.storage.answers import AnswersFileError, AnswerStore
from upperback.storage.checkins import CheckInLog
from upperback.widgets.controls import Download, Picture
from upperback.widgets.messages import link_html, note_html, problem_html, reported
from upperback.widgets.static_fallback import StaticFallback
from upperback.widgets.warning_view import DoctorCheckForm, warnings_html

PRINTABLE_PLAN = "my_upperback_plan.html"  # the name the printable plan is saved under, on the learner's computer


class PlanView(StaticFallback, widgets.VBox):
    def __init__(self, store: AnswerStore | None = None, log: CheckInLog | None = None):
        self.store = store or AnswerStore()
        self.run_log = log or CheckInLog(self.store.folder)
        self.plan = None
        self.text = widgets.HTML()
        self.chart = Picture()
        self.refresh_button = widgets.Button(description="Refresh my plan", icon="refresh",
                                             tooltip="Read your saved answers again",
                                             layout=widgets.Layout(width="max-content"))
        self.refresh_button.on_click(self.refresh)
        self.printable = Download(description="Download your printable plan",
                                  hint="then open it and print it from your browser: one page with your plan and "
                                       "the warning signs, never your answers.")
        self.doctor_check = DoctorCheckForm(self.store, on_saved=self.refresh)
        super().__init__([self.refresh_button, self.text, self.doctor_check, self.chart, self.printable])
        self.add_class("upperback-plan")
        self.refresh()

    def static_html(self) -> str:
        """On paper there are no saved answers: say how to build the plan by hand instead."""
        if self.plan is not None and self.plan.done:
            return self.text.value
        return ("<p><b>Your plan, on paper:</b> score each self-check with its scoring key "
                "(<i>scoring_key_…html</i>, printed with these handouts): add the points for each cause, and "
                "compare each cause's total with the most it could get. The cause with the largest share is the "
                "lesson to read first; pick one or two of its cues for your next three runs. If any answer is a "
                "warning sign, that comes first: see a doctor, and the plan waits.</p>")

    @reported("text")
    def refresh(self, _button=None) -> None:
        try:
            loaded = self.store.load()
        except AnswersFileError as problem:
            self.text.value = problem_html(str(problem))
            self.plan = None
            self.printable.clear()
            return
        logged = self.run_log.read()
        plan = self.plan = build_plan(loaded.all_answers(), loaded.doctor_check, logged.entries)
        parts = [problem_html(notice) for notice in [*loaded.notices, *plan.problems]]
        if plan.on_hold:
            parts.append(warnings_html(plan.warnings, "A warning sign is open in your answers or your log.")
                         + _on_hold_html(plan))
        else:
            parts.append(_plan_html(plan))
        self.text.value = "".join(parts)
        self.doctor_check.show_for(plan.warnings, plan.signs)
        shown = plan.done and not plan.on_hold
        if shown:
            self.chart.chart(cause_chart_png, (plan,), cause_chart_alt(plan))
        self.chart.layout.display = None if shown else "none"
        # the page follows the plan on screen, so what is downloaded is what is shown
        if plan.done or plan.on_hold:
            self.printable.hold(plan_page(plan).encode("utf-8"), PRINTABLE_PLAN, "text/html")
        else:
            self.printable.clear()


def _on_hold_html(plan) -> str:
    """A warning sign wins: its action instead of the plan, which waits for a doctor's check."""
    actions = "".join(f"<li>{escape(ACTIONS[tier])}</li>" for tier in plan.warnings)
    runs = (f"<p>Runs in your log that came with a warning sign: {escape(', '.join(plan.warning_runs))}.</p>"
            if plan.warning_runs else "")
    return (f"<p><b>Your plan is on hold.</b> First:</p><ul>{actions}</ul>{runs}"
            + note_html("When a doctor has checked you and says you can run, say so below, with the date: the "
                        "plan then comes back. This is not a diagnosis."))


def _plan_html(plan) -> str:
    parts = [note_html(cleared_sentence(plan.doctor_check, plan.cleared))] if plan.cleared else []
    if not plan.done:
        parts.append("<p><b>No self-checks saved yet.</b> Do at least one, then press <i>Refresh my plan</i>.</p>")
    for lesson in (BY_KEY[key] for key in plan.missing):
        check = lesson.self_check.title.lower()
        parts.append(f"<p>You have not done the self-check of {lesson.label} ({escape(check)}) yet: "
                     f"{link_html(lesson.notebook, f'open {lesson.label}')}.</p>")
    if plan.done and not plan.likely_causes:
        parts.append("<p>Your answers so far do not point to one cause: try one cue from each lesson.</p>")
    for cause in plan.likely_causes:
        reasons = "".join(f"<li>{escape(reason)}</li>" for reason in plan.reasons[cause])
        parts.append(f"<p><b>Most likely to contribute: {escape(CAUSE_NAMES[cause])}</b>, because:</p>"
                     f"<ul>{reasons}</ul>")
    if plan.cues:
        items = "".join(f"<li>{escape(sentence_case(cue.text))} "
                        f"({link_html(cue.link, f'why: {cue.lesson_label}')})</li>"
                        for cue in plan.cues)
        parts.append(f"<p><b>Your plan for the next three runs</b>: try these, one or two at a time.</p>"
                     f"<ol>{items}</ol>")
    parts.append(note_html("This plan points you to lessons and cues; it is not a diagnosis. You can redo any "
                           "self-check in its lesson, then refresh this plan."))
    return "".join(parts)
