"""A run as the course keeps it, whatever file it came from: its samples, its summary, minute by minute, and
beside the check-ins of the same day; with the number helpers every format's reader shares."""

from __future__ import annotations

import itertools
import math
import statistics
from dataclasses import dataclass, replace
from datetime import UTC, datetime

# our bound: a day of running at a record a second is about 1 MB as FIT and 24 MB as GPX with heart rate and
# cadence (16 hours: 15.8 MB). The course's servers take websocket messages this big (upperback/delivery/kernel_websocket.py).
MAX_FILE_BYTES = 50_000_000
EARTH_RADIUS_M = 6_371_000.0  # the mean Earth radius; haversine distance [Sinnott1984]
EARLIEST_REAL_START = datetime(2000, 1, 1, tzinfo=UTC)  # earlier: seconds since power-on [Garmin2024]
MOVING_SPEED_M_S = 0.5  # our choice: slower than this is standing (a slow walk is about 1 m/s)
MOVING_CADENCE_SPM = 60  # our choice: fewer steps a minute than this is standing or a pause
RUNNING_SPORTS = {"running", "run", "trail_running", "trail running", "treadmill_running", "track_running",
                  "street_running", "9"}  # "9" is Garmin Connect's numeric type for running in some GPX




class RunFileError(ValueError):
    """A file that cannot become a run, with one line that says why."""


@dataclass(frozen=True)
class Sample:
    seconds: float  # since the start of the recording
    distance_m: float | None = None  # cumulative
    speed_m_s: float | None = None
    cadence_spm: float | None = None  # steps per minute, both feet
    heart_rate_bpm: float | None = None


@dataclass(frozen=True)
class Run:
    file: str
    format: str  # "fit", "tcx" or "gpx"
    sport: str
    start_utc: datetime | None  # None when the file cannot tell (a clock counting from power-on)
    elapsed_s: float  # wall clock, pauses included
    moving_s: float  # timer time, pauses left out
    distance_m: float | None
    samples: tuple[Sample, ...]
    has_positions: bool

    @property
    def cadence_spm_median(self) -> float | None:
        moving = [s.cadence_spm for s in self.samples if s.cadence_spm and s.cadence_spm >= MOVING_CADENCE_SPM]
        return statistics.median(moving) if moving else None

    @property
    def heart_rates(self) -> list[float]:
        return [s.heart_rate_bpm for s in self.samples if s.heart_rate_bpm]

    @property
    def heart_rate_bpm_mean(self) -> float | None:
        return statistics.fmean(self.heart_rates) if self.heart_rates else None

    @property
    def heart_rate_bpm_max(self) -> float | None:
        return max(self.heart_rates) if self.heart_rates else None

    def summary(self) -> dict:
        """The figures the command prints, in this order; never a position."""
        def rounded(value, places=1):
            return None if value is None else round(value, places)
        return {
            "file": self.file, "format": self.format, "sport": self.sport,
            "start_utc": self.start_utc.strftime("%Y-%m-%dT%H:%M:%SZ") if self.start_utc else None,
            "elapsed_s": rounded(self.elapsed_s), "moving_s": rounded(self.moving_s),
            "distance_m": rounded(self.distance_m), "cadence_spm_median": rounded(self.cadence_spm_median),
            "heart_rate_bpm_mean": rounded(self.heart_rate_bpm_mean),
            "heart_rate_bpm_max": rounded(self.heart_rate_bpm_max, 0), "records": len(self.samples),
            "has_positions": self.has_positions,
        }


def megabytes(size_bytes: int) -> int:
    """A file's size in whole megabytes (10^6 bytes, as browsers and most file managers count), rounded up,
    so a file just over the limit never reads as the limit itself."""
    return math.ceil(size_bytes / 1_000_000)


def file_too_big(name: str, size_mb: int | str) -> str:
    """The words for a file over MAX_FILE_BYTES. The upload button says them in the browser, before sending
    anything: it gets them with ``"{name}"`` and ``"{megabytes}"`` to fill in (upperback/widgets/web/upload.js)."""
    return (f"{name}: this file is {size_mb} MB; the course can read files up to {megabytes(MAX_FILE_BYTES)} MB. "
            "A FIT export of the same run is many times smaller; nothing was imported.")


SAMPLE_RUN_NAMES = {  # the sample runs the course ships (upperback/sample_runs/README.md), in words
    "run_fenix2_2015.fit": "A 2015 run, Garmin Fenix 2 (FIT file)",
    "run_garminconnect_hr_cad_2019.gpx": "A 2019 run with cadence and heart rate, Garmin Connect (GPX file)",
    "run_hr_nocadence_2012.tcx": "A 2012 run with heart rate but no cadence (TCX file)",
}


def run_name(file_name: str) -> str:
    """How a run is named to the runner: a sample in words, the runner's own file by its own name."""
    return SAMPLE_RUN_NAMES.get(file_name, file_name)


def start_words(start_utc: str | None) -> str:
    """A run's start as a runner reads it, "16 November 2019, 08:58 UTC", from the summary's
    "2019-11-16T08:58:30Z"; an unknown start says so."""
    if not start_utc:
        return "start time unknown (the watch counted from when it was switched on)"
    moment = datetime.strptime(start_utc, "%Y-%m-%dT%H:%M:%SZ")
    return f"{moment.day} {moment:%B %Y, %H:%M} UTC"


def sport_or_refuse(sport: str | None, name: str) -> str:
    """Lower-case sport; refuse what is known not to be a run, in words."""
    if sport is None or str(sport).strip() == "":
        return "unknown"
    sport = str(sport).strip().lower()
    if sport in RUNNING_SPORTS or "run" in sport:
        return "running"
    raise RunFileError(f"{name}: this is a {sport.replace('_', ' ')} activity, not a run; nothing imported.")


def real_start(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC) if moment >= EARLIEST_REAL_START else None


def as_number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def as_positive(value) -> float | None:
    number = as_number(value)
    return number if number and number > 0 else None


def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def with_speeds(samples: list[Sample]) -> tuple[Sample, ...]:
    """Speeds worked out from the distance between samples, where the file gives distance but no speed."""
    filled, last = [], None  # last: the latest sample with a distance
    for sample in samples:
        if sample.speed_m_s is None and sample.distance_m is not None and last is not None \
                and sample.seconds > last.seconds:
            speed = (sample.distance_m - last.distance_m) / (sample.seconds - last.seconds)
            sample = replace(sample, speed_m_s=max(speed, 0.0))
        filled.append(sample)
        last = sample if sample.distance_m is not None else last
    return tuple(filled)


def moving_seconds(samples: tuple[Sample, ...] | list[Sample]) -> float:
    """Time between samples while moving, for files with no timer of their own: a step counts when its
    speed or cadence says running, so pauses drop out."""
    total = 0.0
    for before, after in itertools.pairwise(samples):
        gap = after.seconds - before.seconds
        moving = ((after.speed_m_s or 0) >= MOVING_SPEED_M_S or (after.cadence_spm or 0) >= MOVING_CADENCE_SPM)
        if moving and 0 < gap <= 60:
            total += gap
    return total


def per_minute(run: Run) -> list[dict]:
    """The run minute by minute, the only series kept: distance so far, pace, cadence and heart rate."""
    minutes: dict[int, list[Sample]] = {}
    for sample in run.samples:
        minutes.setdefault(int(sample.seconds // 60), []).append(sample)
    rows = []
    for minute, samples in sorted(minutes.items()):
        distances = [s.distance_m for s in samples if s.distance_m is not None]
        speeds = [s.speed_m_s for s in samples if s.speed_m_s and s.speed_m_s >= MOVING_SPEED_M_S]
        cadences = [s.cadence_spm for s in samples if s.cadence_spm and s.cadence_spm >= MOVING_CADENCE_SPM]
        hearts = [s.heart_rate_bpm for s in samples if s.heart_rate_bpm]
        speed = statistics.fmean(speeds) if speeds else None
        rows.append({
            "minute": minute, "distance_km": round(max(distances) / 1000, 3) if distances else None,
            "pace_min_per_km": round(1000 / speed / 60, 2) if speed else None,
            "cadence_spm": round(statistics.fmean(cadences), 1) if cadences else None,
            "heart_rate_bpm": round(statistics.fmean(hearts), 1) if hearts else None,
        })
    return rows


def join_with_check_ins(summaries: list[dict], entries: list) -> list[dict]:
    """Runs and check-ins of the same day side by side: the ache with the run's pace and distance.
    ``summaries`` are Run.summary() dicts; ``entries`` are check-ins (anything with run_date and ache)."""
    by_day = {}
    for summary in summaries:
        if summary.get("start_utc"):
            by_day.setdefault(summary["start_utc"][:10], summary)
    pairs = []
    for entry in entries:
        summary = by_day.get(entry.run_date)
        if summary is None:
            continue
        km = summary["distance_m"] / 1000 if summary.get("distance_m") else None
        moving_min = (summary.get("moving_s") or summary.get("elapsed_s") or 0) / 60
        pairs.append({"run_date": entry.run_date, "ache": entry.ache, "distance_km": km,
                      "minutes": round(moving_min) if moving_min else None,
                      "pace_min_per_km": round(moving_min / km, 2) if km and moving_min else None,
                      "started": entry.started, "file": summary["file"],
                      "warning": getattr(entry, "warning_tier", None)})
    return pairs
