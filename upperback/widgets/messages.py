"""Messages shown to the runner inside a widget, escaped so nothing typed or read is run as markup."""

import functools
from html import escape

_BOX = "padding:0.5em 0.8em;border-left:5px solid {colour};background:{background};margin:0.3em 0"


def problem_html(text: str) -> str:
    """A friendly problem message (never a traceback)."""
    return f'<div role="alert" style="{_BOX.format(colour="#D55E00", background="#FBEDE4")}">{escape(text)}</div>'


def note_html(text: str) -> str:
    return f'<div style="{_BOX.format(colour="#0072B2", background="#E8F1F8")}">{escape(text)}</div>'


def table_frame_html(table: str, name: str) -> str:
    """A table in a frame of its own that scrolls sideways when the screen is narrower than the table (a
    phone), with a scrollbar that shows (course.css); named, and reachable by Tab so the keyboard can scroll it."""
    return (f'<div class="upperback-table-frame" role="region" aria-label="{escape(name, quote=True)}" '
            f'tabindex="0">{table}</div>')


def link_html(href: str, text: str) -> str:
    """A link to another lesson, opened in a new tab; styled, since widget HTML gets no link colour."""
    return (f'<a href="{escape(href)}" target="_blank" style="color:#0072B2;text-decoration:underline">'
            f"{escape(text)}</a>")


def reported(message_widget: str):
    """The last safety net of a widget callback: whatever goes wrong is said in words in the named HTML
    widget of ``self``, never shown as a traceback, and the callback returns None."""
    def wrap(callback):
        @functools.wraps(callback)
        def guarded(self, *args, **kwargs):
            try:
                return callback(self, *args, **kwargs)
            except Exception as problem:  # noqa: BLE001 (a learner must never meet a traceback)
                detail = str(problem) or type(problem).__name__
                detail = detail if len(detail) <= 200 else detail[:197] + "…"
                getattr(self, message_widget).value = problem_html(
                    f"That did not work ({detail}). Nothing you had saved was changed; what you typed is still "
                    "in the form. If it happens again, restart the kernel (Kernel menu) and run the lesson.")
                return None
        return guarded
    return wrap
