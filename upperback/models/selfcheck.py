"""The scoring that turns a runner's self-check answers into a hint.

The self-checks themselves are data (``upperback.models.questions``). Scoring adds the weights of the
chosen options: the result says which cause looks most likely to contribute and why. It is a pointer to the
right lesson, never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from upperback.models.lessons import CAUSE_LESSONS, CAUSE_NAMES, CAUSES
from upperback.models.questions import Question, SelfCheck
from upperback.models.warning_signs import EMERGENCY, URGENT


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
            f"Your answers point most towards {CAUSE_NAMES[cause]} ({CAUSE_LESSONS[cause].label}), because {why}."
        )
    others = [cause for cause in CAUSES if cause not in verdict.likely_causes and verdict.scores[cause] > 0]
    if others and verdict.likely_causes:
        names = " and ".join(CAUSE_NAMES[cause] for cause in others)
        sentences.append(f"Some answers also point to {names}.")
    sentences.extend(f"Try on your next run: {cue}" for cue in verdict.cues)
    sentences.append("This is a hint about where to look first, not a diagnosis.")
    return sentences
