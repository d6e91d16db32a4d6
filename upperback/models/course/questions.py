"""The shape of a self-check: questions, answer options, and where each option points.

Each answer option may point towards some of the causes the series teaches (the lesson registry,
``upperback.models.course.lessons``, names them), with a weight and a reason in plain words, or may match a warning
sign. The scoring is in ``upperback.models.course.selfcheck``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from upperback.models.course.warning_signs import tier_of

UNSURE_KEYS = {"unsure", "not_tried", "never_noticed", "never"}  # answers meaning "I have not noticed yet"


@dataclass(frozen=True)
class Option:
    key: str
    text: str
    points: Mapping[str, int] = field(default_factory=dict)  # cause -> weight, 1 (a little) to 3 (a lot)
    reason: str = ""  # why this answer points where it does, as a phrase that follows "because"
    warning: str | None = None  # a tier of upperback.models.course.warning_signs, when the answer matches one
    signs: tuple[str, ...] = ()  # the warning signs it matches (keys of warning_signs.SIGNS_BY_KEY)
    cue: str = ""  # what to try on the next run, when this answer shows a habit worth changing
    note: str = ""  # what this answer means, when it needs a sentence of its own (and shows no habit)

    @property
    def unsure(self) -> bool:
        """An answer that says "I don't know yet": its next step is something to watch for."""
        return self.key in UNSURE_KEYS

    def __post_init__(self):  # the cause names are checked by the lesson registry, which knows them
        if self.points and not self.reason:
            raise ValueError(f"Option {self.key!r} points somewhere but gives no reason")
        if self.signs:
            if self.warning != tier_of(self.signs):
                raise ValueError(f"Option {self.key!r} matches {self.signs} but routes to {self.warning!r}, "
                                 f"not their most serious tier {tier_of(self.signs)!r}")
        elif self.warning:
            raise ValueError(f"Option {self.key!r} routes to {self.warning!r} but names no warning sign")


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    options: tuple[Option, ...]
    keep: str = ""  # the next step for an answer that shows no habit: what to keep doing
    watch: str = ""  # the next step for a "not sure" answer: what to notice on the next run

    def option(self, key: str) -> Option:
        for option in self.options:
            if option.key == key:
                return option
        raise ValueError(f"{key!r} is not one of the answers to “{self.text}”")


@dataclass(frozen=True)
class SelfCheck:
    lesson: str  # the key the answers are saved under, e.g. "start_here"
    title: str
    questions: tuple[Question, ...]
