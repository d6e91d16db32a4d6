"""A self-check form: one radio group per question, a Check button, and feedback in words.

Answers are saved (see upperback.storage) each time the runner checks, so lesson 04 can combine them;
answers saved earlier are filled in again, so a runner can come back and change them.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from upperback.models.course.lessons import CAUSE_LESSONS
from upperback.models.course.questions import SelfCheck
from upperback.models.course.selfcheck import Verdict, score_answers, verdict_sentences, with_doctor_check
from upperback.storage.answers import AnswersFileError, AnswerStore
from upperback.widgets.controls import Choices, Feedback
from upperback.widgets.messages import link_html, note_html, problem_html, reported
from upperback.widgets.static_fallback import StaticFallback
from upperback.widgets.warning_view import DoctorCheckForm, warnings_html


class SelfCheckForm(StaticFallback, widgets.VBox):
    def __init__(self, check: SelfCheck, store: AnswerStore | None = None):
        self.check = check
        self.store = store or AnswerStore()
        self.pickers: dict[str, Choices] = {}
        rows = [widgets.HTML(f"<h3>Self-check: {escape(check.title)}</h3>")]
        for number, question in enumerate(check.questions, start=1):
            picker = Choices([(option.text, option.key) for option in question.options],
                             legend=f"{number}. {question.text}")
            picker.add_class("upperback-question")
            self.pickers[question.key] = picker
            rows.append(picker)
        self.check_button = widgets.Button(description="Check my answers", button_style="primary",
                                           icon="check", tooltip="Score your answers and save them",
                                           layout=widgets.Layout(width="max-content"))
        self.check_button.on_click(self.submit)
        self.feedback = Feedback()
        self.feedback.add_class("upperback-feedback")
        self.doctor_check = DoctorCheckForm(self.store, on_saved=self.submit)
        super().__init__([*rows, self.check_button, self.feedback, self.doctor_check])
        self.add_class("upperback-selfcheck")
        self._fill_in_saved_answers()

    def answers(self) -> dict[str, str]:
        return {key: picker.value for key, picker in self.pickers.items() if picker.value is not None}

    @reported("feedback")
    def submit(self, _button=None) -> Verdict | None:
        """Score and save; show feedback. Returns the verdict, or None when something needs fixing."""
        try:
            verdict = score_answers(self.check, self.answers())
        except ValueError as problem:
            self.feedback.value = problem_html(str(problem))
            return None
        try:
            notices = self.store.save(self.check.lesson, self.answers())
            saved = f"Your answers are saved in {self.store.path}, so the last lesson can use them."
        except (OSError, AnswersFileError) as problem:
            notices = [str(problem) if isinstance(problem, AnswersFileError)
                       else f"Your answers could not be saved in {self.store.path} ({problem.strerror})."]
            saved = "Your feedback is below, but these answers were not saved."
        verdict = with_doctor_check(verdict, self.store.doctor_check())
        self.feedback.value = (
            verdict_html(verdict, self.check.lesson) + "".join(problem_html(n) for n in notices) + note_html(saved)
        )
        self.doctor_check.show_for(verdict.warnings, verdict.signs)
        return verdict

    def static_html(self) -> str:
        """The questions on paper: tick one box per question, then check your answers in the notebook."""
        items = "".join(
            f"<li><b>{escape(q.text)}</b><br>" + "<br>".join(f"☐ {escape(o.text)}" for o in q.options) + "</li>"
            for q in self.check.questions)
        return (f"<h3>Self-check: {escape(self.check.title)}</h3><ol>{items}</ol>"
                "<p><i>Tick one box per question; the notebook gives feedback and saves your answers.</i></p>")

    def _fill_in_saved_answers(self) -> None:
        try:
            loaded = self.store.load()
        except AnswersFileError as problem:
            self.feedback.value = problem_html(str(problem))
            return
        saved = loaded.answers(self.check.lesson)
        for key, picker in self.pickers.items():
            if saved.get(key) in {value for _, value in picker.options}:
                picker.value = saved[key]
        if loaded.notices:
            self.feedback.value = "".join(problem_html(n) for n in loaded.notices)


def verdict_html(verdict: Verdict, this_lesson: str = "") -> str:
    parts = [warnings_html(verdict.warnings)] if verdict.warnings else []
    sentences = verdict_sentences(verdict)
    parts.append("<ul>" + "".join(f"<li>{escape(s)}</li>" for s in sentences) + "</ul>")
    links = " · ".join(link_html(CAUSE_LESSONS[cause].notebook, CAUSE_LESSONS[cause].label)
                       for cause in verdict.likely_causes if CAUSE_LESSONS[cause].key != this_lesson)
    if links and not verdict.on_hold:  # with a warning sign, the first thing to do is see a doctor
        parts.append(f"<p>Read first: {links}</p>")
    return "".join(parts)
