"""A warning sign on screen: the signs of its tier with what to do, and the runner's word that a doctor has
checked them, which brings the plan back (saved with its date beside the answers)."""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as widgets

from upperback.models.course.warning_signs import SIGNS, TIER_HEADINGS, DoctorCheck
from upperback.storage.answers import AnswersFileError, AnswerStore
from upperback.storage.files import plain_error
from upperback.widgets.controls import Feedback
from upperback.widgets.messages import note_html, problem_html, reported

EARLIEST_CHECK = date(2000, 1, 1)  # our bound: an earlier date is a typing slip


def warnings_html(tiers, lead: str = "One of your answers matches a warning sign.") -> str:
    blocks = []
    for tier in tiers:
        signs = "".join(f"<li>{escape(sign)}</li>" for sign in SIGNS[tier])
        blocks.append(
            '<div role="alert" style="border:3px solid #D55E00;padding:0.5em 0.8em;margin:0.3em 0">'
            f"<b>{escape(lead)} {escape(TIER_HEADINGS[tier])}.</b>"
            f"<p>A lesson cannot help with this: please get checked first. The signs:</p><ul>{signs}</ul></div>"
        )
    return "".join(blocks)


class DoctorCheckForm(widgets.VBox):
    """"A doctor has checked me": for a runner whose doctor has seen the warning sign and said they can run.
    Hidden until a warning sign holds the plan; ``show_for(tiers)`` shows it for those tiers."""

    def __init__(self, store: AnswerStore, on_saved=None):
        self.store = store
        self.on_saved = on_saved
        self.tiers: tuple[str, ...] = ()
        self.signs: tuple[str, ...] = ()
        self.checked_on = widgets.DatePicker(value=date.today(), description="Date of the check",
                                             style={"description_width": "initial"},
                                             tooltip="The day the doctor examined you")
        self.save_button = widgets.Button(description="A doctor has checked me", icon="user-md",
                                          tooltip="Save that a doctor has checked you for this and said you can run",
                                          layout=widgets.Layout(width="max-content"))
        self.save_button.on_click(self.save)
        self.message = Feedback()
        super().__init__([
            widgets.HTML("<p><b>Has a doctor checked you for this?</b> If a doctor has examined you for these "
                         "signs and said you can run, say so here, with the date: your plan comes back and says "
                         "when you were checked. A sign you did not have then, or a warning sign you report at a "
                         "check-in after that date, puts it on hold again.</p>"),
            widgets.HBox([self.checked_on, self.save_button], layout=widgets.Layout(flex_flow="row wrap")),
            self.message])
        self.add_class("upperback-doctor-check")
        self.show_for(())

    def show_for(self, tiers, signs=()) -> None:
        """Shown for these open tiers; ``signs``: the self-checks' signs among them, which the check names."""
        self.tiers, self.signs = tuple(tiers), tuple(signs)
        self.layout.display = None if self.tiers else "none"

    @reported("message")
    def save(self, _button=None) -> DoctorCheck | None:
        day = self.checked_on.value
        if day is None or not EARLIEST_CHECK <= day <= date.today():
            self.message.value = problem_html("Give the date the doctor checked you: today or a day before.")
            return None
        try:
            earlier = self.store.load().doctor_check
            tiers = tuple(dict.fromkeys([*self.tiers, *(earlier.tiers if earlier else ())]))
            signs = tuple(dict.fromkeys([*self.signs, *(earlier.signs if earlier else ())]))
            check = DoctorCheck(day, tiers, signs)
            self.store.save_doctor_check(check)
        except (OSError, AnswersFileError) as problem:
            why = str(problem) if isinstance(problem, AnswersFileError) else plain_error(problem)
            self.message.value = problem_html(f"This could not be saved ({why}); nothing was changed.")
            return None
        self.message.value = note_html(f"Saved: {check.words}.")
        if self.on_saved:
            self.on_saved()
        return check
