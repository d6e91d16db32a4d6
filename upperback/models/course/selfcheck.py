"""The scoring that turns a runner's self-check answers into a hint.

The self-checks themselves are data (``upperback.models.course.questions``). Scoring adds the weights of the
chosen options: the result says which cause looks most likely to contribute and why. It is a pointer to the
right lesson, never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from upperback.models.course.lessons import BY_KEY, CAUSE_LESSONS, CAUSE_NAMES, CAUSES
from upperback.models.course.questions import Question, SelfCheck
from upperback.models.course.warning_signs import (
    ACTIONS,
    AMBULANCE,
    SIGNS_BY_KEY,
    TIER_NAMES,
    TIERS,
    DoctorCheck,
)


@dataclass(frozen=True)
class Verdict:
    scores: Mapping[str, int]
    likely_causes: tuple[str, ...]  # the cause(s) with the top score; empty when no answer points anywhere
    reasons: Mapping[str, tuple[str, ...]]  # cause -> the reasons of the answers that point to it
    warnings: tuple[str, ...]  # warning-sign tiers matched by the answers, most serious first
    signs: tuple[str, ...] = ()  # the warning signs matched (keys of warning_signs.SIGNS_BY_KEY)
    cues: tuple[str, ...] = ()  # changes to try, strongest habit first, at most what the lesson recommends
    watch: tuple[str, ...] = ()  # what to notice on the next run, for the questions answered "not sure"
    notes: tuple[str, ...] = ()  # what particular answers mean, in a sentence each
    keep: tuple[str, ...] = ()  # what to keep doing, for answers that show no habit
    all_clear: str = ""  # the lesson's words for answers that show none of its habits
    cleared: tuple[str, ...] = ()  # warning tiers a doctor has checked the runner for
    doctor_check: DoctorCheck | None = None

    @property
    def on_hold(self) -> bool:
        """A warning sign wins: the lessons' cues wait until a doctor has checked the runner."""
        return bool(self.warnings)


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
    signs: list[str] = []
    weighted_cues: list[tuple[int, str]] = []
    watch, notes, keep = [], [], []
    unsure = False
    for question in check.questions:
        option = question.option(answers[question.key])
        for cause, weight in option.points.items():
            scores[cause] += weight
            reasons[cause].append(option.reason)
        if option.warning:
            warnings.append(option.warning)
            signs.extend(option.signs)
        if option.cue:
            weighted_cues.append((sum(option.points.values()), option.cue))
        elif option.note:
            notes.append(option.note)
        elif option.unsure:
            watch.append(question.watch)
        if option.unsure:
            unsure = True
        else:
            keep.append(question.keep)
    lesson = BY_KEY[check.lesson]
    strongest_first = [cue for _, cue in sorted(weighted_cues, key=lambda pair: -pair[0])]
    return replace(_verdict(scores, reasons, warnings, strongest_first[:lesson.cues_to_pick] if lesson.cause
                            else strongest_first),
                   signs=tuple(dict.fromkeys(signs)), watch=tuple(dict.fromkeys(filter(None, watch)))[:MAX_WATCH],
                   notes=tuple(dict.fromkeys(notes)), keep=tuple(dict.fromkeys(filter(None, keep))),
                   all_clear=UNSURE_CLEAR if unsure and lesson.all_clear else lesson.all_clear)


UNSURE_CLEAR = ("None of this lesson's habits showed up in the answers you were sure of; for the ones you were not "
                "sure of, the things to watch below will tell you more.")


def cleared_tiers(warnings, signs, doctor_check: DoctorCheck | None) -> tuple[str, ...]:
    """The tiers whose every matched sign a doctor has checked the runner for: a new sign is not covered."""
    if doctor_check is None:
        return ()
    return tuple(tier for tier in warnings if tier in doctor_check.tiers and all(
        sign in doctor_check.signs for sign in signs if SIGNS_BY_KEY[sign].tier == tier))


def with_doctor_check(verdict: Verdict, doctor_check: DoctorCheck | None) -> Verdict:
    """The warnings a doctor has checked the runner for no longer hold the lessons back; the others still do."""
    cleared = cleared_tiers(verdict.warnings, verdict.signs, doctor_check)
    if not cleared:
        return verdict
    return replace(verdict, warnings=tuple(tier for tier in verdict.warnings if tier not in cleared),
                   cleared=cleared, doctor_check=doctor_check if cleared else None)


def cleared_sentence(doctor_check: DoctorCheck, tiers) -> str:
    kinds = " and ".join(TIER_NAMES[tier] for tier in tiers)
    return (f"The {kinds} warning sign{'s' if len(tiers) > 1 else ''} in your answers: {doctor_check.words}, who "
            "said you can run, so your plan is back. If a sign comes back or changes, stop and get checked again; "
            f"if it is one of the emergency signs, or does not ease within a few minutes of rest, {AMBULANCE}.")



MAX_WATCH = 2  # our choice: things to notice on one run; more would crowd out the run itself


def combine_verdicts(verdicts: Mapping[str, Verdict]) -> Verdict:
    """Several lessons' verdicts as one: scores add up, reasons, warnings and cues are pooled."""
    scores = dict.fromkeys(CAUSES, 0)
    reasons: dict[str, list[str]] = {cause: [] for cause in CAUSES}
    warnings: list[str] = []
    signs: list[str] = []
    cues: list[str] = []
    for verdict in verdicts.values():
        for cause in CAUSES:
            scores[cause] += verdict.scores[cause]
            reasons[cause].extend(verdict.reasons[cause])
        warnings.extend(verdict.warnings)
        signs.extend(verdict.signs)
        cues.extend(verdict.cues)
    return replace(_verdict(scores, reasons, warnings, cues), signs=tuple(dict.fromkeys(signs)))


def _verdict(scores: dict[str, int], reasons: dict[str, list[str]], warnings: list[str],
             cues: list[str]) -> Verdict:
    top = max(scores.values())
    return Verdict(
        scores=scores,
        likely_causes=tuple(cause for cause in CAUSES if top > 0 and scores[cause] == top),
        reasons={cause: tuple(found) for cause, found in reasons.items()},
        warnings=tuple(sorted(set(warnings), key=TIERS.index)),
        cues=tuple(dict.fromkeys(cues)),
    )


def verdict_sentences(verdict: Verdict) -> list[str]:
    """The verdict in plain words, one sentence per item, in the order a runner should read them.

    A warning sign comes first and replaces every cue: the next step is the doctor, not a lesson."""
    if verdict.on_hold:
        sentences = [ACTIONS[tier] for tier in verdict.warnings]
        if verdict.likely_causes:
            names = " and ".join(CAUSE_NAMES[cause] for cause in verdict.likely_causes)
            sentences.append(f"Only once a doctor has checked you: your other answers point towards {names}, "
                             "and its lesson has cues to try then.")
        return [*sentences, NOT_A_DIAGNOSIS]
    sentences = [cleared_sentence(verdict.doctor_check, verdict.cleared)] if verdict.cleared else []
    if not verdict.likely_causes:
        sentences.append(verdict.all_clear or "Your answers do not point to one cause in particular, so all "
                         "three lessons are worth a look.")
    for cause in verdict.likely_causes:
        why = "; ".join(dict.fromkeys(verdict.reasons[cause]))  # keep order, drop repeats
        sentences.append(
            f"Your answers point most towards {CAUSE_NAMES[cause]} ({CAUSE_LESSONS[cause].label}), because {why}."
        )
    others = [cause for cause in CAUSES if cause not in verdict.likely_causes and verdict.scores[cause] > 0]
    if others and verdict.likely_causes:
        names = " and ".join(CAUSE_NAMES[cause] for cause in others)
        sentences.append(f"Some answers also point to {names}.")
    sentences.extend(verdict.notes)
    sentences.extend(f"Next step: {sentence_case(cue)}" for cue in verdict.cues)
    sentences.extend(f"Watch on your next run: {sentence_case(item)}" for item in verdict.watch)
    if not verdict.cues and verdict.keep:
        sentences.append(f"Keep it up: {sentence_case(verdict.keep[0])}")
    sentences.append(NOT_A_DIAGNOSIS)
    return sentences


NOT_A_DIAGNOSIS = "This is a hint about where to look first, not a diagnosis."


def sentence_case(text: str) -> str:
    """A cue as written in the data (it follows "Next step:") with a capital letter, to stand alone."""
    return text[0].upper() + text[1:]
