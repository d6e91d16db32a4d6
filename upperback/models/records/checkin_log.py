"""The run check-in log: validated entries, kept as JSON Lines, reviewed honestly.

Why JSON Lines rather than SQLite: one line per run is easy to read, to back up and to repair by hand;
appending a line never rewrites what is already there, so an old entry cannot be damaged by a new one;
and a half-written last line (a crash, a full disk) is simply reported and skipped on the next read.

This module is pure: it validates and summarises. Reading and appending the file is in
upperback.storage.checkins, exporting and importing CSV in upperback.models.records.checkin_csv.
"""

from __future__ import annotations

import re
import statistics
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from upperback.models.course.lessons import CAUSES
from upperback.models.course.warning_signs import ACTIONS, EFFORT, DoctorCheck, most_serious, tier_of

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
# The check-in's one compact question about the warning signs of lesson 00: most serious first, pick the first
# that fits; each answer stands for signs of warning_signs.SIGN_LIST and is routed to their tier. Together the
# answers cover every sign that can come with a run (a test holds them to the list).
WARNING_ANSWERS = {
    "none": "No, none of these",
    "chest": "Chest pain that spread to an arm, my back, neck or jaw, felt tight or heavy, came with a cold sweat, "
    "breathlessness or feeling sick, or lasted over 15 minutes; or pain or pressure that came with effort and did "
    "not ease within a few minutes of stopping",
    "sudden": "A sudden, severe tearing or sharp pain in the chest or upper back, or one worse when I breathe in; "
    "sudden breathlessness, or coughing up blood",
    "nerves_or_accident": "Tingling, numbness or weakness in both legs or around my genitals, trouble with bladder "
    "or bowel, or it began with a serious fall or collision",
    "effort": "Pain, tightness or pressure that came on with effort and eased within minutes when I slowed or "
    "stopped, or chest pain that came and went",
    "urgent": "A fever, weight loss I did not try for, a lump or swelling in my back, or pain that does not ease "
    "with rest or is worse at night",
}
WARNING_SIGNS_ANSWERED = {  # answer -> the signs it stands for
    "chest": ("chest_spreading", "chest_heavy"),
    "sudden": ("tearing", "breathing_in", "breathless_blood"),
    "nerves_or_accident": ("both_legs", "bladder_bowel", "accident"),
    "effort": ("effort", "chest_came_and_went"),
    "urgent": ("fever", "weight_loss", "lump", "rest_or_night"),
}
WARNING_TIERS = {answer: tier_of(signs) for answer, signs in WARNING_SIGNS_ANSWERED.items()}
MAX_NOTE_CHARS = 500  # our bound: a note, not a diary page
MAX_MINUTES, MAX_KM = 600.0, 250.0  # our bound: ten hours or an ultramarathon
EARLIEST_RUN = date(1970, 1, 1)  # our bound: older dates are typing slips (0001-01-01 would break the chart)
FUTURE_GRACE = timedelta(days=1)  # our choice: "today" somewhere on Earth can be tomorrow here
DAY_NUMBERS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # YYYY-MM-DD and nothing else, ASCII digits only
PLAIN_NUMBER = re.compile(r"-?[0-9]{1,6}(?:[.,][0-9]{1,3})?")
ENTRY_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
FIELDS = ("run_date", "minutes", "km", "ache", "regions", "started", "noticed", "changed", "helped", "note",
          "entry_id", "warning")
NEWER_FIELDS = ("entry_id", "warning")  # fields older versions did not write: a log or export may lack them


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
    warning: str = ""  # a key of WARNING_ANSWERS; "" in entries saved before the check-in asked
    extra: tuple[tuple[str, object], ...] = ()  # fields a newer version wrote: kept, never dropped

    @property
    def warning_reported(self) -> str | None:
        """The tier of the warning sign the runner said came with this run."""
        return WARNING_TIERS.get(self.warning)

    @property
    def effort_pattern(self) -> bool:
        """An ache that started when the runner sped up or climbed: the pattern of angina (lesson 00), which
        lesson 00's self-check routes to the effort tier too. It is never read as a breathing habit alone."""
        return self.ache > 0 and self.started == "faster"

    @property
    def warning_tier(self) -> str | None:
        """The most serious warning tier this run shows, whether reported or read from its answers."""
        tiers = [tier for tier in (self.warning_reported, EFFORT if self.effort_pattern else None) if tier]
        return most_serious(tiers)[0] if tiers else None

    def warning_open(self, doctor_check: DoctorCheck | None) -> bool:
        """A warning a doctor's check does not cover: reported after the check, or not of a tier it saw.
        The effort pattern read from the answers is what a doctor who checked the effort sign has seen."""
        tier = self.warning_tier
        if tier is None:
            return False
        if doctor_check is None or tier not in doctor_check.tiers:
            return True
        return not (date.fromisoformat(self.run_date) <= doctor_check.on or not self.warning_reported)

    def as_record(self) -> dict:
        record = {name: getattr(self, name) for name in FIELDS}
        record["regions"], record["noticed"], record["changed"] = (
            list(self.regions), list(self.noticed), list(self.changed))
        return {**dict(self.extra), **record}


class InvalidCheckIn(ValueError):
    """Everything wrong with an entry, each problem named in plain words."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def _number(value, name: str, upper: float, problems: list[str]) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    if isinstance(value, bool) or not (isinstance(value, int | float) or PLAIN_NUMBER.fullmatch(text)):
        problems.append(f"{name} must be a number, not {_shown(value)}")
        return None
    number = float(text.replace(",", "."))
    if not 0 < number <= upper:
        problems.append(f"{name} must be more than 0 and at most {upper:g}")
        return None
    return number


def _shown(value) -> str:
    """A value in a message: quoted, and cut short, so a huge or strange input cannot flood the screen."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _choices(values, allowed: dict, name: str, problems: list[str]) -> tuple[str, ...]:
    if values is None or values == "":
        values = []
    if isinstance(values, str) or not isinstance(values, list | tuple):
        problems.append(f"{name} must be a list of choices, not {_shown(values)}")
        return ()
    unknown = [_shown(v) for v in values if not isinstance(v, str) or v not in allowed]
    if unknown:
        problems.append(f"{name}: {', '.join(unknown)} is not one of {', '.join(allowed)}")
    return tuple(v for v in allowed if v in values)  # the table's order, without repeats


def _run_date(raw_value, today: date | None, problems: list[str]) -> str:
    run_date = raw_value.strip() if isinstance(raw_value, str) else ""
    if not run_date:
        problems.append("the date is missing" if raw_value in (None, "") else
                        f"the date must look like 2026-11-24, not {_shown(raw_value)}")
        return run_date
    try:
        if not DAY_NUMBERS.fullmatch(run_date):
            raise ValueError
        parsed = date.fromisoformat(run_date)
    except ValueError:
        problems.append(f"the date must look like 2026-11-24, not {_shown(run_date)}")
        return run_date
    if parsed < EARLIEST_RUN:
        problems.append(f"the date {run_date} is before {EARLIEST_RUN:%Y}: check the year")
    elif today is not None and parsed > today + FUTURE_GRACE:
        problems.append(f"the date {run_date} is in the future")
    return run_date


def validate_check_in(raw: dict, today: date | None = None, stored: bool = False) -> CheckIn:
    """Check every field; raise InvalidCheckIn naming each problem. Nothing is written here.

    ``stored=True`` reads back an entry that was valid when it was written: the date is not compared with
    today, since a runner a time zone ahead may have logged "tomorrow" (and a clock may be wrong)."""
    if not isinstance(raw, dict):
        raise InvalidCheckIn([f"this is not a check-in but {type(raw).__name__} data"])
    problems: list[str] = []
    run_date = _run_date(raw.get("run_date"), None if stored else (today or date.today()), problems)
    minutes = _number(raw.get("minutes"), "minutes", MAX_MINUTES, problems)
    km = _number(raw.get("km"), "kilometres", MAX_KM, problems)
    if minutes is None and km is None and not any(p.startswith(("minutes", "kilometres")) for p in problems):
        problems.append("give the run's length in minutes or kilometres (or both)")
    ache = raw.get("ache")
    if isinstance(ache, str) and re.fullmatch(r"[0-9]{1,2}", ache.strip()):
        ache = int(ache)
    if isinstance(ache, bool) or not isinstance(ache, int):
        problems.append(f"the ache must be a whole number from 0 to 10, not {_shown(ache)}")
        ache = 0
    if not 0 <= ache <= 10:
        problems.append(f"the ache must be from 0 to 10, not {ache}")
    regions = _choices(raw.get("regions"), REGIONS, "where it ached", problems)
    started = raw.get("started") or ""
    if not isinstance(started, str) or started not in STARTED:
        problems.append("choose when the ache started" if not started else
                        f"{_shown(started)} is not a choice for when it started")
    if ache > 0 and not regions:
        problems.append("say where it ached, or set the ache to 0")
    if ache > 0 and started == "no_ache":
        problems.append("the ache is above 0 but 'no ache this run' is chosen")
    noticed = _choices(raw.get("noticed"), NOTICED, "what you noticed", problems)
    changed = _choices(raw.get("changed"), CHANGES, "what you changed", problems)
    helped = raw.get("helped") or ("no_change" if not changed else "")
    if not isinstance(helped, str) or helped not in HELPED:
        problems.append("say whether the change helped")
    note = raw.get("note") or ""
    if not isinstance(note, str):
        problems.append(f"the note must be text, not {_shown(note)}")
        note = ""
    elif len(note) > MAX_NOTE_CHARS:
        problems.append(f"the note is {len(note)} characters; keep it to {MAX_NOTE_CHARS}")
    elif not _writable(note):
        problems.append("the note has a character that cannot be saved (a broken emoji?): retype it")
    entry_id = raw.get("entry_id") or uuid.uuid4().hex
    if not (isinstance(entry_id, str) and ENTRY_ID.fullmatch(entry_id)):
        problems.append(f"the entry number {_shown(entry_id)} is not one this course writes")
    warning = raw.get("warning", "")  # absent or "": an entry from before the check-in asked
    if warning is None:  # the form asks it, and it may not be skipped
        problems.append("say whether any warning sign came with this run")
    elif warning != "" and warning not in WARNING_ANSWERS:
        problems.append(f"{_shown(warning)} is not an answer to the warning-sign question")
    if problems:
        raise InvalidCheckIn(problems)
    extra = tuple((key, value) for key, value in raw.items() if key not in FIELDS)
    return CheckIn(run_date, minutes, km, ache, regions, started, noticed, changed, helped, note, entry_id,
                   warning, extra)


def _writable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: half of an emoji
        return False
    return True


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


def open_warnings(entries: list[CheckIn], doctor_check: DoctorCheck | None = None) -> list[CheckIn]:
    """The runs with a warning sign that no doctor's check covers, newest first."""
    return sorted((e for e in entries if e.warning_open(doctor_check)), key=lambda e: e.run_date, reverse=True)


def warning_sentences(warned: list[CheckIn]) -> list[str]:
    """A warning wins: what came, what to do, and that no pattern is read while it is open."""
    runs = f"{len(warned)} run{'s' if len(warned) != 1 else ''}"
    sentences = [f"A warning sign came with {runs} in your log (the newest on {warned[0].run_date})."]
    if any(e.effort_pattern and not e.warning_reported for e in warned):
        sentences.append("An ache that starts when you speed up or climb and eases when you slow down is the "
                         "pattern of lesson 00's effort warning sign, not a breathing habit.")
    sentences += [ACTIONS[tier] for tier in most_serious(e.warning_tier for e in warned)]
    sentences.append("Your plan is on hold, and this log shows no patterns until a doctor has checked you: an ache "
                     "that eases when you slow down can be the warning sign itself, not progress.")
    return sentences


def summary_sentences(entries: list[CheckIn], doctor_check: DoctorCheck | None = None) -> list[str]:
    """What the log shows, saying plainly when there are too few runs to say anything. An open warning sign
    comes first and stops every pattern statement."""
    if not entries:
        return ["No check-ins yet. After your next run, fill in the check-in above."]
    warned = open_warnings(entries, doctor_check)
    if warned:
        return warning_sentences(warned)
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
