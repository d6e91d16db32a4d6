"""The run check-in log: validated entries, kept as JSON Lines, reviewed honestly.

Why JSON Lines rather than SQLite: one line per run is easy to read, to back up and to repair by hand;
appending a line never rewrites what is already there, so an old entry cannot be damaged by a new one;
and a half-written last line (a crash, a full disk) is simply reported and skipped on the next read.

This module is pure: it validates and summarises. Reading and appending the file is in
upperback.storage_log, exporting and importing CSV in upperback.models.checkin_csv.
"""

from __future__ import annotations

import statistics
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date

from upperback.models.lessons import CAUSES

REGIONS = {
    "shoulder_tops": "tops of the shoulders and neck",
    "between_blades": "between the shoulder blades",
    "around_ribs": "around the ribs",
    "elsewhere": "somewhere else",
}  # the body regions of lesson 00's self-check
STARTED = {
    "no_ache": "no ache this run",
    "early": "in the first minutes",
    "faster": "when I sped up or climbed",
    "tired": "as I got tired",
    "after": "only after the run",
}
NOTICED = {cause: cause for cause in CAUSES}  # what a runner noticed on the run: one of the causes
CHANGES = {
    "shake_out": "shook out arms and shoulders",
    "arms_beside": "swung arms beside me, elbows soft",
    "slow_breaths": "eased off and took slow deep breaths",
    "breath_rhythm": "breathed in time with my steps",
    "run_tall": "ran tall or looked ahead",
    "change_it_up": "changed position now and then",
}
HELPED = {"yes": "yes", "a_little": "a little", "no": "no", "no_change": "I changed nothing"}
MAX_NOTE_CHARS = 500  # our bound: a note, not a diary page
MAX_MINUTES, MAX_KM = 600.0, 250.0  # our bound: ten hours or an ultramarathon


@dataclass(frozen=True)
class CheckIn:
    run_date: str  # ISO date, YYYY-MM-DD
    minutes: float | None
    km: float | None
    ache: int  # 0 (none) to 10 (worst)
    regions: tuple[str, ...]
    started: str
    noticed: tuple[str, ...]
    changed: tuple[str, ...]
    helped: str
    note: str = ""
    entry_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def as_record(self) -> dict:
        record = asdict(self)
        record["regions"], record["noticed"], record["changed"] = (
            list(self.regions), list(self.noticed), list(self.changed))
        return record


class InvalidCheckIn(ValueError):
    """Everything wrong with an entry, each problem named in plain words."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def _number(value, name: str, upper: float, problems: list[str]) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        problems.append(f"{name} must be a number, not {str(value)!r}")
        return None
    if not 0 < number <= upper:
        problems.append(f"{name} must be more than 0 and at most {upper:g}")
        return None
    return number


def _choices(values, allowed: dict, name: str, problems: list[str]) -> tuple[str, ...]:
    values = list(values or [])
    unknown = [str(v) for v in values if v not in allowed]
    if unknown:
        problems.append(f"{name}: {', '.join(unknown)} is not one of {', '.join(allowed)}")
    return tuple(v for v in allowed if v in values)  # the table's order, without repeats


def validate_check_in(raw: dict, today: date | None = None) -> CheckIn:
    """Check every field; raise InvalidCheckIn naming each problem. Nothing is written here."""
    problems: list[str] = []
    today = today or date.today()
    run_date = str(raw.get("run_date") or "").strip()
    try:
        parsed = date.fromisoformat(run_date)
        if parsed > today:
            problems.append(f"the date {run_date} is in the future")
    except ValueError:
        problems.append(f"the date must look like 2026-11-24, not {run_date!r}" if run_date else "the date is missing")
    minutes = _number(raw.get("minutes"), "minutes", MAX_MINUTES, problems)
    km = _number(raw.get("km"), "kilometres", MAX_KM, problems)
    if minutes is None and km is None and not any(p.startswith(("minutes", "kilometres")) for p in problems):
        problems.append("give the run's length in minutes or kilometres (or both)")
    ache = raw.get("ache")
    if isinstance(ache, bool) or not isinstance(ache, int) and not (isinstance(ache, str) and ache.strip().isdigit()):
        problems.append(f"the ache must be a whole number from 0 to 10, not {ache!r}")
        ache = 0
    ache = int(ache)
    if not 0 <= ache <= 10:
        problems.append(f"the ache must be from 0 to 10, not {ache}")
    regions = _choices(raw.get("regions"), REGIONS, "where it ached", problems)
    started = str(raw.get("started") or "")
    if started not in STARTED:
        problems.append("choose when the ache started" if not started else f"{started!r} is not a choice for when it started")
    if ache > 0 and not regions:
        problems.append("say where it ached, or set the ache to 0")
    if ache > 0 and started == "no_ache":
        problems.append("the ache is above 0 but 'no ache this run' is chosen")
    noticed = _choices(raw.get("noticed"), NOTICED, "what you noticed", problems)
    changed = _choices(raw.get("changed"), CHANGES, "what you changed", problems)
    helped = str(raw.get("helped") or ("no_change" if not changed else ""))
    if helped not in HELPED:
        problems.append("say whether the change helped")
    note = str(raw.get("note") or "")
    if len(note) > MAX_NOTE_CHARS:
        problems.append(f"the note is {len(note)} characters; keep it to {MAX_NOTE_CHARS}")
    if problems:
        raise InvalidCheckIn(problems)
    entry_id = str(raw.get("entry_id") or uuid.uuid4().hex)
    return CheckIn(run_date, minutes, km, ache, regions, started, noticed, changed, helped, note, entry_id)


@dataclass(frozen=True)
class Comparison:
    label: str
    with_it: list[int]
    without_it: list[int]


MIN_RUNS_TO_COMPARE = 3  # our choice: fewer than this on either side and any difference is mostly chance


def compare_aches(entries: list[CheckIn]) -> list[Comparison]:
    """Ache on runs with and without each thing noticed or changed."""
    comparisons = []
    for key, label in {**{f"noticed:{k}": f"you noticed your {v}" for k, v in NOTICED.items()},
                       **{f"changed:{k}": f"you {v}" for k, v in CHANGES.items()}}.items():
        kind, name = key.split(":")
        with_it = [e.ache for e in entries if name in getattr(e, kind)]
        if with_it:
            comparisons.append(Comparison(label, with_it, [e.ache for e in entries if name not in getattr(e, kind)]))
    return comparisons


def summary_sentences(entries: list[CheckIn]) -> list[str]:
    """What the log shows, saying plainly when there are too few runs to say anything."""
    if not entries:
        return ["No check-ins yet. After your next run, fill in the check-in above."]
    aches = [e.ache for e in sorted(entries, key=lambda e: e.run_date)]
    sentences = [(f"{len(entries)} run{'s' if len(entries) != 1 else ''} logged; average ache "
                  f"{statistics.mean(aches):.1f} out of 10 (lowest {min(aches)}, highest {max(aches)}).")]
    if len(aches) >= 2 * MIN_RUNS_TO_COMPARE:
        half = len(aches) // 2
        early, late = statistics.mean(aches[:half]), statistics.mean(aches[half:])
        trend = "lower" if late < early - 0.5 else "higher" if late > early + 0.5 else "about the same"
        sentences.append(f"Your later runs ached {trend} than your earlier ones ({late:.1f} against {early:.1f}).")
    compared = False
    for comparison in compare_aches(entries):
        if len(comparison.with_it) >= MIN_RUNS_TO_COMPARE and len(comparison.without_it) >= MIN_RUNS_TO_COMPARE:
            with_mean, without_mean = statistics.mean(comparison.with_it), statistics.mean(comparison.without_it)
            if abs(with_mean - without_mean) >= 1:
                word = "lower" if with_mean < without_mean else "higher"
                sentences.append(
                    f"The ache was {word} on runs where {comparison.label} ({with_mean:.1f} over "
                    f"{len(comparison.with_it)} runs, against {without_mean:.1f} over {len(comparison.without_it)})."
                )
                compared = True
    if compared:
        sentences.append("These are patterns in a small diary, worth watching, not proof of what helps.")
    else:
        sentences.append(f"Too few runs to compare yet: a comparison needs at least {MIN_RUNS_TO_COMPARE} runs "
                         "with and without the thing you noticed or changed.")
    return sentences
