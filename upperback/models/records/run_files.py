"""A runner's own recording, read from a watch file: FIT (with fitdecode), TCX or GPX (the standard XML).

What comes out is one run: its sport, start time (UTC, or unknown), elapsed and moving time, distance, and
samples of time, distance, speed, cadence and heart rate. Positions are used only to measure distance
when the file has no distance of its own, and are then dropped: a run never carries where it was.

The quirks of real files, each handled here:
- running cadence is stored per foot (FIT ``cadence`` + ``fractional_cadence``, TCX ``RunCadence``, GPX
  ``cad``): steps per minute = 2 × (cadence + fractional cadence); zeros mean standing still, so the
  median is taken over moving samples;
- some watches count time from power-on (older Garmins: FIT times below 0x10000000, often in compressed
  timestamp headers, and no timestamp_correlation message linking them to the time of day): the start is
  then unknown, while elapsed and moving time, distance, cadence and heart rate hold; in any format a start
  before 2000 means "unknown", never a date;
- pauses: FIT timer stop and start events (the timer time, when a file has no session summary); in TCX and
  GPX a gap of more than a minute between points;
- ultras: a day at one point a second is 86,400 records (FIT) or 24 MB of GPX; XML points are each read in
  one pass, and FIT messages of plain fields by a struct per definition (fitdecode, at about 30 µs a record,
  reads the rest: compressed speed and distance, unusual types);
- a FIT session may lack a heart-rate summary (taken from the samples), laps may not add up (the session's
  totals win), pauses make elapsed time (wall clock) longer than moving (timer) time;
- developer fields may reuse names such as "distance": only the standard fields are read;
- local times tagged as UTC exist in FIT ``device_info``/``activity``: the start comes from the session;
- TCX has no elapsed field (its ``TotalTimeSeconds`` is timer time): elapsed = last point − first lap start;
- XML namespaces vary (``ns3:`` or ``gpxtpx:`` prefixes, default namespaces): elements are matched by
  their local names.
A bad file gets one line saying why, and nothing of it is imported.
"""

from __future__ import annotations

import io
import itertools
import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

# our bound: a day of running at a record a second is about 1 MB as FIT and 24 MB as GPX with heart rate and
# cadence (16 hours: 15.8 MB). The course's servers take websocket messages this big (upperback/delivery/kernel_websocket.py).
MAX_FILE_BYTES = 50_000_000
EARTH_RADIUS_M = 6_371_000.0  # the mean Earth radius; haversine distance [Sinnott1984]
EARLIEST_REAL_START = datetime(2000, 1, 1, tzinfo=UTC)  # earlier: seconds since power-on [Garmin2024]
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)  # FIT times count seconds from here [Garmin2024]
FIT_UTC_FROM = 0x10000000  # smaller FIT times count seconds since the watch was switched on [Garmin2024]
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


def read_run(data: bytes, name: str) -> Run:
    """The run in ``data`` (a file's bytes, ``name`` for messages); RunFileError says why not."""
    if not data.strip():
        raise RunFileError(f"{name}: the file is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise RunFileError(file_too_big(name, megabytes(len(data))))
    if len(data) >= 12 and data[8:12] == b".FIT":
        run = _read_fit(data, name)
    elif data.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"<":  # XML, perhaps after a BOM
        run = _read_xml(data, name)
    else:
        raise RunFileError(f"{name}: this is not a FIT, TCX or GPX file.")
    if not run.samples:
        raise RunFileError(f"{name}: the file has no recorded points.")
    return run


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


def _sport_or_refuse(sport: str | None, name: str) -> str:
    """Lower-case sport; refuse what is known not to be a run, in words."""
    if sport is None or str(sport).strip() == "":
        return "unknown"
    sport = str(sport).strip().lower()
    if sport in RUNNING_SPORTS or "run" in sport:
        return "running"
    raise RunFileError(f"{name}: this is a {sport.replace('_', ' ')} activity, not a run; nothing imported.")


def _real_start(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC) if moment >= EARLIEST_REAL_START else None


# --- FIT --------------------------------------------------------------------------------------------------
def _standard_fields(frame) -> dict:
    """A data message's standard fields by name; developer fields (which may reuse names) are left out."""
    return {field.name: field.value for field in frame.fields
            if field.value is not None and not (field.field_def is not None and field.field_def.is_dev)}


def _read_fit(data: bytes, name: str) -> Run:
    _check_fit_crc(data, name)
    messages = _fit_messages_fast(data)
    if messages is None:  # anything the fast reader leaves to fitdecode
        messages = _fit_messages_fitdecode(data, name)
    records, sessions, correlations = messages["record"], messages["session"], messages["timestamp_correlation"]
    timer_events = [event for event in messages["event"] if event.get("event") == "timer" and "timestamp" in event]
    sport = next((message["sport"] for message in messages["sport"] if "sport" in message), None)
    session = sessions[0] if sessions else {}
    sport = _sport_or_refuse(session.get("sport", sport), name)
    to_utc = _power_on_to_utc(correlations)
    timed = [record for record in records if _fit_clock(record.get("timestamp"), to_utc) is not None]
    if not timed:
        raise RunFileError(f"{name}: the FIT file has no timed records.")
    clocks = [_fit_clock(record["timestamp"], to_utc) for record in timed]
    if len({clock >= FIT_UTC_FROM for clock in clocks}) > 1:
        raise RunFileError(f"{name}: the FIT file's clock changes between time since the watch was switched on and "
                           "the time of day, with nothing linking the two; nothing imported.")
    first = clocks[0]
    samples = _with_speeds([Sample(
        seconds=float(clock - first), distance_m=_number(record.get("distance")),
        speed_m_s=_number(record.get("enhanced_speed", record.get("speed"))),
        cadence_spm=_fit_cadence(record), heart_rate_bpm=_positive(record.get("heart_rate")),
    ) for clock, record in zip(clocks, timed)])
    distances = [s.distance_m for s in samples if s.distance_m is not None]
    start = _fit_clock(session.get("start_time"), to_utc)
    start = first if start is None else min(start, first)
    return Run(
        file=name, format="fit", sport=sport, start_utc=_fit_utc(start),
        elapsed_s=_number(session.get("total_elapsed_time")) or samples[-1].seconds + first - start,
        moving_s=(_number(session.get("total_timer_time")) or _timer_seconds(timer_events, to_utc)
                  or _moving_seconds(samples)),
        distance_m=_number(session.get("total_distance")) or (max(distances) if distances else None),
        samples=samples, has_positions=any("position_lat" in record for record in timed))


FIT_MESSAGES_READ = ("record", "session", "event", "sport", "timestamp_correlation")


def _fit_messages_fitdecode(data: bytes, name: str) -> dict[str, list[dict]]:
    """The messages the importer reads, each as its standard fields by name, decoded by fitdecode."""
    import fitdecode

    messages: dict[str, list[dict]] = {kind: [] for kind in FIT_MESSAGES_READ}
    try:
        # No data processor: times stay the file's own numbers (UTC or power-on), and reading is faster.
        # The checksum was checked before, faster than fitdecode checks it.
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.DISABLED, processor=None,
                                 error_handling=fitdecode.ErrorHandling.WARN) as fit:
            for frame in fit:
                if frame.frame_type == fitdecode.FIT_FRAME_DATA and frame.name in messages:
                    messages[frame.name].append(_standard_fields(frame))
    except fitdecode.FitEOFError:
        raise RunFileError(f"{name}: the FIT file is cut off (incomplete download?); nothing imported.") from None
    except (fitdecode.FitError, ValueError, KeyError, IndexError, OverflowError) as problem:
        raise RunFileError(f"{name}: the FIT file cannot be read ({type(problem).__name__}); nothing imported.") \
            from None
    return messages


# The fields the importer reads, by message and field number [Garmin2024]; their names, types, scales and
# "invalid" values come from fitdecode's copy of the FIT profile, so both readers give the same values. None
# has parts of its own to expand (components), but record.speed, whose one part is enhanced_speed: the same
# number, which the importer takes from either.
FIT_FIELDS_READ = {"record": {253, 0, 3, 4, 5, 6, 53, 73}, "session": {253, 2, 5, 7, 8, 9},
                   "event": {253, 0, 1}, "sport": {0}, "timestamp_correlation": {253, 1}}
FIT_RECORD_FIELDS_LEFT_TO_FITDECODE = {8}  # compressed_speed_distance: its parts accumulate (older foot pods)


def _fit_messages_fast(data: bytes) -> dict[str, list[dict]] | None:
    """The same messages as _fit_messages_fitdecode, in a tenth of the time: each data message unpacked in one
    go by a struct made from its definition, and only the messages read here decoded field by field
    (fitdecode: about 30 µs a record, so 2-3 s for a 24-hour file at one record a second). None for anything
    else than plain fields (a compressed speed and distance, an unknown base type, a message with no
    definition, a file cut short): fitdecode reads those, and says what is wrong."""
    import struct

    from fitdecode import profile, types

    messages: dict[str, list[dict]] = {kind: [] for kind in FIT_MESSAGES_READ}
    at, size = 0, len(data)
    try:
        while at < size:  # each file of a chain: header, records, CRC
            if data[at + 8:at + 12] != b".FIT":
                return None
            header_size, records_end = data[at], at + data[at] + int.from_bytes(data[at + 4:at + 8], "little")
            at += header_size
            layouts, last_timestamp = {}, None
            while at < records_end:
                header = data[at]
                at += 1
                if header & 0x80:  # compressed timestamp header: the time's low 5 bits [Garmin2024]
                    layout = layouts[(header >> 5) & 0x3]
                    offset = header & 0x1F
                    timestamp = offset + (last_timestamp & ~0x1F) + (0x20 if offset < last_timestamp & 0x1F else 0)
                elif header & 0x40:  # a definition
                    layouts[header & 0x0F], at = _fit_layout(data, at, bool(header & 0x20), struct, profile, types)
                    continue
                else:
                    layout, timestamp = layouts[header & 0x0F], None
                unpacker, kind, fields, timestamp_at = layout
                values = unpacker.unpack_from(data, at)
                at += unpacker.size
                if timestamp_at is not None and values[timestamp_at] != 0xFFFFFFFF:
                    last_timestamp = values[timestamp_at]  # any message's time moves the compressed clock on
                elif timestamp is not None:
                    last_timestamp = timestamp
                if kind is None:
                    continue
                message = {} if timestamp is None else {"timestamp": timestamp}
                for index, field, parse in fields:  # as fitdecode: invalid is None; enum names; scale, offset
                    value = parse(values[index])
                    if value is not None:
                        value = field.render(value)
                        if isinstance(value, int | float):
                            value = float(value) / field.scale if field.scale else value
                            value = value - field.offset if field.offset else value
                        message[field.name] = value
                messages[kind].append(message)
            at = records_end + 2
    except (KeyError, IndexError, TypeError, struct.error, _LeftToFitdecode):
        return None
    return messages


class _LeftToFitdecode(Exception):
    """A definition the fast reader does not decode."""


def _fit_layout(data: bytes, at: int, developer: bool, struct, profile, types):
    """A definition message read into (unpacker, message kind or None, fields read, the timestamp's place
    among the values), and where the next message starts. Fields not read are skipped unpacked."""
    endian = ">" if data[at + 1] else "<"
    number, count = struct.unpack_from(endian + "HB", data, at + 2)
    at += 5
    kind = profile.MESSAGE_TYPES[number].name if number in profile.MESSAGE_TYPES else None
    wanted = FIT_FIELDS_READ.get(kind, set())
    formats, fields, timestamp_at, values = [], [], None, 0
    for field_number, field_size, base_number in struct.iter_unpack("BBB", data[at:at + 3 * count]):
        base = types.BASE_TYPES.get(base_number)
        plain = base is not None and base.fmt != "s" and field_size == base.size  # one number
        if kind == "record" and field_number in FIT_RECORD_FIELDS_LEFT_TO_FITDECODE or \
                field_number in wanted and not plain:
            raise _LeftToFitdecode
        if not plain:
            formats.append(f"{field_size}x")
            continue
        if field_number == 253:
            timestamp_at = values
        if field_number in wanted and field_number in profile.MESSAGE_TYPES[number].fields:
            fields.append((values, profile.MESSAGE_TYPES[number].fields[field_number], base.parse))
        formats.append(base.fmt)
        values += 1
    at += 3 * count
    if developer:  # developer fields: (number, size, developer index) each, skipped
        developer_count = data[at]
        formats += [f"{field_size}x" for field_size in data[at + 1:at + 1 + 3 * developer_count][1::3]]
        at += 1 + 3 * developer_count
    return (struct.Struct(endian + "".join(formats)), kind if wanted else None, fields, timestamp_at), at


def _check_fit_crc(data: bytes, name: str) -> None:
    """Each FIT file of the data (watches may chain several) ends in the CRC-16 of its header and records."""
    at = 0
    while len(data) - at >= 12 and data[at + 8:at + 12] == b".FIT":
        end = at + data[at] + int.from_bytes(data[at + 4:at + 8], "little") + 2
        if end > len(data):
            raise RunFileError(f"{name}: the FIT file is cut off (incomplete download?); nothing imported.")
        if _fit_crc(data[at:end - 2]) != int.from_bytes(data[end - 2:end], "little"):
            raise RunFileError(f"{name}: the FIT file is damaged (its checksum does not match); nothing imported.")
        at = end


def _crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


FIT_CRC_TABLE = _crc_table()  # FIT's CRC-16 (polynomial 0x8005, reflected), a byte at a time [Garmin2024]


def _fit_crc(data: bytes) -> int:
    crc, table = 0, FIT_CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def _fit_clock(value, to_utc: int | None) -> int | None:
    """A FIT time as the file counts it: seconds since 1989-12-31 UTC, or since power-on (below
    FIT_UTC_FROM), moved to UTC when the file links the two clocks."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value + to_utc if value < FIT_UTC_FROM and to_utc is not None else value


def _fit_utc(clock: int) -> datetime | None:
    return _real_start(FIT_EPOCH + timedelta(seconds=clock)) if clock >= FIT_UTC_FROM else None


def _power_on_to_utc(correlations: list[dict]) -> int | None:
    """Seconds from the power-on clock to UTC, from a timestamp_correlation message (newer watches write one
    when the time of day becomes known); None without one: the start is then unknown."""
    for correlation in correlations:
        utc, system = correlation.get("timestamp"), correlation.get("system_timestamp")
        if isinstance(utc, int) and isinstance(system, int) and utc >= FIT_UTC_FROM > system:
            return utc - system
    return None


def _timer_seconds(timer_events: list[dict], to_utc: int | None) -> float | None:
    """Timer time from the timer's start and stop events: what a file with no session summary still says."""
    total, started = 0, None
    for event in timer_events:
        clock = _fit_clock(event["timestamp"], to_utc)
        if event.get("event_type") == "start" and started is None:
            started = clock
        elif str(event.get("event_type", "")).startswith("stop") and started is not None and clock is not None:
            total, started = total + max(clock - started, 0), None
    return float(total) or None


def _fit_cadence(record: dict) -> float | None:
    cadence = _number(record.get("cadence"))
    if cadence is None:
        return None
    return 2 * (cadence + (_number(record.get("fractional_cadence")) or 0.0))


# --- TCX and GPX ------------------------------------------------------------------------------------------
def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element, name: str):
    return next((child for child in element if _local(child.tag) == name), None)


def _text(element, *path: str) -> str | None:
    for name in path:
        if element is None:
            return None
        element = _child(element, name)
    return element.text.strip() if element is not None and element.text else None


def _texts(element) -> dict[str, str]:
    """The text of every element in ``element`` by local name, the first of each name, in one pass: a
    16-hour GPX has 57,600 points (one a second), each looked into once."""
    texts: dict[str, str] = {}
    for node in element.iter():
        name = node.tag[node.tag.rfind("}") + 1:]
        if name not in texts:
            texts[name] = node.text.strip() if node.text else ""
    return texts


def _read_xml(data: bytes, name: str) -> Run:
    """TCX or GPX, read as a stream: each track point is read when its element ends and then emptied, so a
    file of 50 MB never stands in memory as a whole tree (that took 400 MiB more, and longer)."""
    events = ET.iterparse(io.BytesIO(data), events=("start", "end"))
    try:
        _, root = next(events)
        kind = _local(root.tag)
        if kind == "TrainingCenterDatabase":
            return _read_tcx(events, name)
        if kind == "gpx":
            return _read_gpx(events, name)
    except ET.ParseError as problem:  # anywhere in the file: nothing of it is imported
        raise RunFileError(f"{name}: the file is not well-formed XML ({problem}); nothing imported.") from None
    raise RunFileError(f"{name}: this XML file is neither TCX nor GPX (it is <{kind}>).")


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)  # Python 3.11 reads a trailing Z as UTC
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _read_tcx(events, name: str) -> Run:
    """The first activity's laps and their track points; ``events``: the file's (event, element) stream."""
    depth, activity_depth, sport, in_lap, laps, points = 1, None, None, False, [], []
    for event, element in events:
        local = _local(element.tag)
        if event == "start":
            depth += 1
            if local == "Activity" and sport is None:
                activity_depth, sport = depth, _sport_or_refuse(element.get("Sport"), name)
            in_lap = in_lap or (local == "Lap" and activity_depth is not None and depth == activity_depth + 1)
            continue
        if local == "Trackpoint" and in_lap:
            texts = _texts(element)
            element.clear()
            moment = _when(texts.get("Time"))
            if moment is not None:
                cadence = _number(texts.get("RunCadence"))
                points.append((moment, _number(texts.get("DistanceMeters")), _number(texts.get("Speed")),
                               None if cadence is None else 2 * cadence,
                               _positive(texts.get("Value")), "Position" in texts))  # Value: the HeartRateBpm's
        elif local == "Lap" and in_lap and depth == activity_depth + 1:
            laps.append((_when(element.get("StartTime")), _number(_text(element, "TotalTimeSeconds")) or 0.0,
                         _number(_text(element, "DistanceMeters")) or 0.0))
            element.clear()
            in_lap = False
        elif local == "Activity" and depth == activity_depth:
            activity_depth = None  # the first activity is the run; any others are left alone
        depth -= 1
    if sport is None:
        raise RunFileError(f"{name}: the TCX file has no activity in it.")
    if not points:
        raise RunFileError(f"{name}: the TCX file has no timed track points.")
    lap_start = laps[0][0] if laps else None
    start = min(filter(None, [lap_start, points[0][0]]))
    first = points[0][0]
    samples = _with_speeds([Sample((moment - first).total_seconds(), distance, speed, cadence, heart)
                            for moment, distance, speed, cadence, heart, _ in points])
    timer = sum(lap_timer for _, lap_timer, _ in laps)
    lap_distance = sum(lap_metres for _, _, lap_metres in laps)
    distances = [s.distance_m for s in samples if s.distance_m is not None]
    return Run(file=name, format="tcx", sport=sport, start_utc=_real_start(start),
               elapsed_s=(points[-1][0] - start).total_seconds(), moving_s=timer or _moving_seconds(samples),
               distance_m=lap_distance or (max(distances) if distances else None), samples=samples,
               has_positions=any(point[5] for point in points))


def _read_gpx(events, name: str) -> Run:
    """The track points of every track, and the first track's type; ``events``: the file's stream."""
    depth, track_depth, tracks, sport, raw = 1, None, 0, None, []
    for event, element in events:
        local = _local(element.tag)
        if event == "start":
            depth += 1
            if local == "trk":
                tracks, track_depth = tracks + 1, depth
            continue
        if local == "trkpt" and track_depth is not None:
            texts, lat, lon = _texts(element), _number(element.get("lat")), _number(element.get("lon"))
            element.clear()
            moment = _when(texts.get("time"))
            if moment is not None:
                cadence = _number(texts.get("cad"))
                raw.append((moment, lat, lon, None if cadence is None else 2 * cadence, _positive(texts.get("hr"))))
        elif local == "type" and tracks == 1 and depth == track_depth + 1:
            sport = element.text.strip() if element.text else None
        elif local == "trkseg":
            element.clear()  # its points, emptied one by one
        elif local == "trk":
            track_depth = None
        depth -= 1
    if not tracks:
        raise RunFileError(f"{name}: the GPX file has no track (a route or waypoints only?).")
    sport = _sport_or_refuse(sport, name)
    if not raw:
        raise RunFileError(f"{name}: the GPX file has no timed track points.")
    first, distance, previous, samples = raw[0][0], 0.0, None, []
    for moment, lat, lon, cadence, heart in raw:
        here = (lat, lon) if lat is not None and lon is not None else None
        step = _haversine_m(previous, here) if previous and here else 0.0
        seconds = (moment - first).total_seconds()
        speed = step / (seconds - samples[-1].seconds) if samples and seconds > samples[-1].seconds else None
        distance += step
        previous = here or previous
        samples.append(Sample(seconds, distance, speed, cadence, heart))
    positions = any(lat is not None for _, lat, _, _, _ in raw)
    samples = tuple(samples)
    return Run(file=name, format="gpx", sport=sport, start_utc=_real_start(first), elapsed_s=samples[-1].seconds,
               moving_s=_moving_seconds(samples), distance_m=distance if positions else None, samples=samples,
               has_positions=positions)


# --- numbers ----------------------------------------------------------------------------------------------
def _number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _positive(value) -> float | None:
    number = _number(value)
    return number if number and number > 0 else None


def _haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _with_speeds(samples: list[Sample]) -> tuple[Sample, ...]:
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


def _moving_seconds(samples: tuple[Sample, ...] | list[Sample]) -> float:
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
