"""Lesson 04's plan: the saved self-checks brought together into likely causes and a few cues to try.

Each self-check can give each cause only so many points, and the lessons' checks differ in size, so causes
are compared by the share of the points they could have had from the checks done so far. That keeps a
runner who has only done the arms check from seeing "arms" win by default.
"""

from __future__ import annotations

from dataclasses import dataclass

from upperback.models.course.lessons import BY_KEY, CAUSE_LESSONS, CAUSES, SELF_CHECKS
from upperback.models.course.questions import SelfCheck
from upperback.models.course.selfcheck import Verdict, cleared_tiers, combine_verdicts, score_answers
from upperback.models.course.warning_signs import DoctorCheck, most_serious
from upperback.models.records.checkin_log import CheckIn, open_warnings

MAX_CUES = 3  # our choice: a few cues a runner can remember
PER_LESSON_FIRST = 2  # our choice: so a second lesson's cue gets a place when it has one


@dataclass(frozen=True)
class Cue:
    text: str
    lesson_label: str  # "lesson 01"
    link: str  # the lesson's notebook and the anchor of the section that explains the cue


@dataclass(frozen=True)
class Plan:
    done: tuple[str, ...]  # lessons whose self-check has usable answers
    missing: tuple[str, ...]  # lessons whose self-check is not done yet
    shares: dict[str, float | None]  # cause -> share of its possible points (None: no check covers it yet)
    likely_causes: tuple[str, ...]
    reasons: dict[str, tuple[str, ...]]
    warnings: tuple[str, ...]
    cues: tuple[Cue, ...]  # none while a warning sign is on: the doctor comes first
    problems: tuple[str, ...]  # saved answers that no longer fit the questions
    warning_runs: tuple[str, ...] = ()  # dates of logged runs that came with a warning sign still open
    signs: tuple[str, ...] = ()  # the warning signs the self-checks matched, for a doctor's check to name
    cleared: tuple[str, ...] = ()  # warning tiers of the self-checks a doctor has checked the runner for
    doctor_check: DoctorCheck | None = None

    @property
    def on_hold(self) -> bool:
        """A warning sign wins over every cue: the plan waits until a doctor has checked the runner."""
        return bool(self.warnings)


def most_points(check: SelfCheck, cause: str) -> int:
    return sum(max(option.points.get(cause, 0) for option in question.options) for question in check.questions)


def build_plan(saved: dict[str, dict[str, str]], doctor_check: DoctorCheck | None = None,
               check_ins: list[CheckIn] | tuple = ()) -> Plan:
    """``saved``: lesson -> question -> option, as the answers file keeps them; ``doctor_check``: the runner's
    word that a doctor has checked them; ``check_ins``: the run log, whose warning signs hold the plan too."""
    verdicts: dict[str, Verdict] = {}
    problems = []
    for check in SELF_CHECKS:
        answers = saved.get(check.lesson)
        if not answers:
            continue
        try:
            verdicts[check.lesson] = score_answers(check, answers)
        except ValueError as problem:
            problems.append(f"Your saved answers for {check.title.lower()} need redoing: {problem}")
    got = dict.fromkeys(CAUSES, 0)
    possible = dict.fromkeys(CAUSES, 0)
    for check in SELF_CHECKS:
        if check.lesson in verdicts:
            for cause in CAUSES:
                got[cause] += verdicts[check.lesson].scores[cause]
                possible[cause] += most_points(check, cause)
    shares = {cause: (got[cause] / possible[cause] if possible[cause] else None) for cause in CAUSES}
    top = max((share for share in shares.values() if share), default=0)
    likely = tuple(cause for cause in CAUSES if top > 0 and shares[cause] == top)
    combined = combine_verdicts(verdicts)
    cleared = cleared_tiers(combined.warnings, combined.signs, doctor_check)
    warned_runs = open_warnings(list(check_ins), doctor_check)
    warnings = most_serious([*(t for t in combined.warnings if t not in cleared),
                             *(entry.warning_tier for entry in warned_runs)])
    return Plan(
        done=tuple(verdicts),
        missing=tuple(check.lesson for check in SELF_CHECKS if check.lesson not in verdicts),
        shares=shares,
        likely_causes=likely,
        reasons={cause: tuple(dict.fromkeys(found)) for cause, found in combined.reasons.items()},
        warnings=warnings,
        cues=() if warnings else _pick_cues(verdicts, likely),
        problems=tuple(problems),
        warning_runs=tuple(entry.run_date for entry in warned_runs),
        signs=combined.signs,
        cleared=cleared,
        doctor_check=doctor_check if cleared else None,
    )


def _pick_cues(verdicts: dict[str, Verdict], likely: tuple[str, ...]) -> tuple[Cue, ...]:
    """At most MAX_CUES, no repeats: up to two from each lesson, likeliest causes first, then fill up."""
    order = [CAUSE_LESSONS[c].key for c in likely] + [CAUSE_LESSONS[c].key for c in CAUSES if c not in likely]
    offered = [(lesson, text) for lesson in order if lesson in verdicts for text in verdicts[lesson].cues]
    chosen: list[tuple[str, str]] = []
    for per_lesson in (PER_LESSON_FIRST, MAX_CUES):
        for lesson, text in offered:
            taken_here = sum(1 for chosen_lesson, _ in chosen if chosen_lesson == lesson)
            if len(chosen) < MAX_CUES and (lesson, text) not in chosen and taken_here < per_lesson:
                chosen.append((lesson, text))
    return tuple(Cue(text, BY_KEY[lesson].label, BY_KEY[lesson].cues_link) for lesson, text in chosen)
