"""Self-checks as data, and the scoring that turns a runner's answers into a hint.

Each answer option may point towards some of the three causes the series teaches, with a weight and a
reason in plain words, or may match a warning sign. Scoring adds the weights: the result says which cause
looks most likely to contribute and why. It is a pointer to the right lesson, never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from upperback.models.warning_signs import EMERGENCY, URGENT

CAUSES = ("arms", "breathing", "posture")
CAUSE_NAMES = {
    "arms": "how you carry your arms",
    "breathing": "how you breathe",
    "posture": "your posture",
}
LESSON_FILES = {  # self-check lesson key -> its notebook
    "start_here": "00_start_here.ipynb",
    "arm_carriage": "01_arm_carriage.ipynb",
    "breathing": "02_breathing.ipynb",
    "posture": "03_posture.ipynb",
}
CAUSE_LESSON = {"arms": "arm_carriage", "breathing": "breathing", "posture": "posture"}  # cause -> its lesson
CAUSE_LESSONS = {cause: LESSON_FILES[lesson] for cause, lesson in CAUSE_LESSON.items()}  # cause -> notebook


@dataclass(frozen=True)
class Option:
    key: str
    text: str
    points: Mapping[str, int] = field(default_factory=dict)  # cause -> weight, 1 (a little) to 3 (a lot)
    reason: str = ""  # why this answer points where it does, as a phrase that follows "because"
    warning: str | None = None  # a tier of upperback.models.warning_signs, when the answer matches one
    cue: str = ""  # what to try on the next run, when this answer shows a habit worth changing

    def __post_init__(self):
        unknown = set(self.points) - set(CAUSES)
        if unknown:
            raise ValueError(f"Option {self.key!r} points to unknown causes: {sorted(unknown)}")
        if self.points and not self.reason:
            raise ValueError(f"Option {self.key!r} points somewhere but gives no reason")


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    options: tuple[Option, ...]

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


@dataclass(frozen=True)
class Verdict:
    scores: Mapping[str, int]
    likely_causes: tuple[str, ...]  # the cause(s) with the top score; empty when no answer points anywhere
    reasons: Mapping[str, tuple[str, ...]]  # cause -> the reasons of the answers that point to it
    warnings: tuple[str, ...]  # warning-sign tiers matched by the answers, most serious first
    cues: tuple[str, ...] = ()  # what to try on the next run, in question order, without repeats


def unanswered_questions(check: SelfCheck, answers: Mapping[str, str | None]) -> list[Question]:
    return [question for question in check.questions if answers.get(question.key) is None]


def score_answers(check: SelfCheck, answers: Mapping[str, str | None]) -> Verdict:
    """Add up where the answers point. Raises ValueError naming any unanswered question."""
    missing = unanswered_questions(check, answers)
    if missing:
        names = "; ".join(f"“{question.text}”" for question in missing)
        raise ValueError(f"Please answer every question first. Still open: {names}")
    scores = dict.fromkeys(CAUSES, 0)
    reasons: dict[str, list[str]] = {cause: [] for cause in CAUSES}
    warnings: list[str] = []
    cues: list[str] = []
    for question in check.questions:
        option = question.option(answers[question.key])
        for cause, weight in option.points.items():
            scores[cause] += weight
            reasons[cause].append(option.reason)
        if option.warning:
            warnings.append(option.warning)
        if option.cue:
            cues.append(option.cue)
    return _verdict(scores, reasons, warnings, cues)


def combine_verdicts(verdicts: Mapping[str, Verdict]) -> Verdict:
    """Several lessons' verdicts as one: scores add up, reasons and warnings are pooled."""
    scores = dict.fromkeys(CAUSES, 0)
    reasons: dict[str, list[str]] = {cause: [] for cause in CAUSES}
    warnings: list[str] = []
    cues: list[str] = []
    for verdict in verdicts.values():
        for cause in CAUSES:
            scores[cause] += verdict.scores[cause]
            reasons[cause].extend(verdict.reasons[cause])
        warnings.extend(verdict.warnings)
        cues.extend(verdict.cues)
    return _verdict(scores, reasons, warnings, cues)


_WARNING_ORDER = (EMERGENCY, URGENT)  # most serious first


def _verdict(scores: dict[str, int], reasons: dict[str, list[str]], warnings: list[str],
             cues: list[str]) -> Verdict:
    top = max(scores.values())
    return Verdict(
        scores=scores,
        likely_causes=tuple(cause for cause in CAUSES if top > 0 and scores[cause] == top),
        reasons={cause: tuple(found) for cause, found in reasons.items()},
        warnings=tuple(sorted(set(warnings), key=_WARNING_ORDER.index)),
        cues=tuple(dict.fromkeys(cues)),
    )


def verdict_sentences(verdict: Verdict) -> list[str]:
    """The verdict in plain words, one sentence per item, in the order a runner should read them."""
    sentences = []
    if not verdict.likely_causes:
        sentences.append(
            "Your answers do not point to one cause in particular, so all three lessons are worth a look."
        )
    for cause in verdict.likely_causes:
        why = "; ".join(dict.fromkeys(verdict.reasons[cause]))  # keep order, drop repeats
        sentences.append(
            f"Your answers point most towards {CAUSE_NAMES[cause]} (lesson {CAUSE_LESSONS[cause][:2]}), because {why}."
        )
    others = [cause for cause in CAUSES if cause not in verdict.likely_causes and verdict.scores[cause] > 0]
    if others and verdict.likely_causes:
        names = " and ".join(CAUSE_NAMES[cause] for cause in others)
        sentences.append(f"Some answers also point to {names}.")
    sentences.extend(f"Try on your next run: {cue}" for cue in verdict.cues)
    sentences.append("This is a hint about where to look first, not a diagnosis.")
    return sentences
