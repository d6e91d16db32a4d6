"""Made-up runs of any length, written as real watch files (FIT, TCX, GPX), with the figures put into them.

A run here is one point a second while running, and none while paused (a stop at an aid station). Speed,
cadence and heart rate change slowly along the run; each is a whole number in the file's own units
(speed in mm/s, distance in cm, cadence in strides a minute plus halves), so what a file says is exactly
what the truth below says. The tests and the benchmark (benchmarks/run.py) use these; nothing big is
committed.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from harness.fit_writer import (
    COMPRESSED_SPAN_S,
    ENUM,
    TIMESTAMP_FIELD,
    UINT8,
    UINT16,
    UINT32,
    UINT32Z,
    FitWriter,
)

EARTH_RADIUS_M = 6_371_000.0  # as the importer measures (its haversine)
START = datetime(2026, 6, 20, 5, 0, tzinfo=UTC)
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)  # FIT protocol: date_time counts seconds from here
POWER_ON_S = 1_000  # an older watch's clock: seconds since it was switched on, at the start of the run


@dataclass(frozen=True)
class Point:
    seconds: int  # since the start
    speed_mm_s: int
    distance_cm: int  # so far
    cadence_strides: int  # strides a minute (one foot), as watches store it
    half_stride: bool  # FIT's fractional cadence: + 0.5
    heart_rate_bpm: int


@dataclass(frozen=True)
class MadeRun:
    points: tuple[Point, ...]
    pauses: tuple[tuple[int, int], ...]  # (after this many seconds of running, seconds until it started again)

    @property
    def elapsed_s(self) -> int:
        return self.points[-1].seconds

    @property
    def moving_s(self) -> int:
        return self.elapsed_s - sum(length for _, length in self.pauses)

    @property
    def distance_m(self) -> float:
        return self.points[-1].distance_cm / 100

    def cadence_spm_median(self, halves: bool = True) -> float:
        """Steps a minute, both feet; TCX and GPX hold whole strides only (``halves=False``)."""
        return statistics.median(2 * (p.cadence_strides + 0.5 * (halves and p.half_stride)) for p in self.points)

    @property
    def heart_rate_bpm_mean(self) -> float:
        return statistics.fmean(p.heart_rate_bpm for p in self.points)

    @property
    def heart_rate_bpm_max(self) -> int:
        return max(p.heart_rate_bpm for p in self.points)


def made_run(hours: float, pauses: tuple[tuple[int, int], ...] = ()) -> MadeRun:
    """``hours`` of running at one point a second, and the pauses on top of them."""
    points, distance_cm, paused_s = [], 0, 0
    stops = dict(pauses)
    for running_s in range(round(hours * 3600) + 1):
        seconds = running_s + paused_s
        if running_s in stops:  # the watch stops here; the next point comes when it starts again
            paused_s += stops[running_s] - 1
        speed = 2600 + round(400 * math.sin(running_s / 900))  # 2.2-3.0 m/s, a pace of 5.5-7.5 min/km
        distance_cm += speed // 10 if running_s else 0
        points.append(Point(seconds, speed, distance_cm, 80 + running_s // 1200 % 5, running_s % 3 != 0,
                            130 + running_s // 300 % 35))
    return MadeRun(tuple(points), tuple(pauses))


def _moment(run_seconds: int) -> str:
    return (START + timedelta(seconds=run_seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _latitude(point: Point) -> float:
    """Due north from 45° N: the distance between two points is then exactly the arc between them."""
    return 45 + math.degrees(point.distance_cm / 100 / EARTH_RADIUS_M)


def gpx(run: MadeRun) -> bytes:
    """A Garmin-style GPX: track points with time, elevation and the TrackPointExtension's hr and cad."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             ('<gpx creator="upperback tests" version="1.1" xmlns="http://www.topografix.com/GPX/1/1" '
              'xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'),
             f"  <metadata><time>{_moment(0)}</time></metadata>", "  <trk>", "    <name>Ultra</name>",
             "    <type>running</type>", "    <trkseg>"]
    for p in run.points:  # GPX has no fractional cadence: whole strides a minute
        lines.append(f'   <trkpt lat="{_latitude(p):.8f}" lon="6.50000000">\n    <ele>412.4</ele>\n'
                     f"    <time>{_moment(p.seconds)}</time>\n    <extensions>\n     <ns3:TrackPointExtension>\n"
                     f"      <ns3:hr>{p.heart_rate_bpm}</ns3:hr>\n      <ns3:cad>{p.cadence_strides}</ns3:cad>\n"
                     "     </ns3:TrackPointExtension>\n    </extensions>\n   </trkpt>")
    lines += ["    </trkseg>", "  </trk>", "</gpx>", ""]
    return "\n".join(lines).encode()


def tcx(run: MadeRun, lap_s: int = 3600) -> bytes:
    """A Garmin-style TCX: a lap an hour with its timer time and distance, a new Track after each pause."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           ('<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" '
            'xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">'),
           '  <Activities>\n    <Activity Sport="Running">', f"      <Id>{_moment(0)}</Id>"]
    laps: dict[int, list[Point]] = {}
    for p in run.points:
        laps.setdefault(p.seconds // lap_s, []).append(p)
    before = None
    for points in laps.values():
        timer_s = sum(1 for a, b in zip([before, *points], points) if a is not None and b.seconds - a.seconds == 1)
        start = before if before is not None else points[0]
        out.append(f'      <Lap StartTime="{_moment(start.seconds)}">\n'
                   f"        <TotalTimeSeconds>{timer_s}</TotalTimeSeconds>\n"
                   f"        <DistanceMeters>{(points[-1].distance_cm - start.distance_cm) / 100:.2f}"
                   "</DistanceMeters>\n        <Intensity>Active</Intensity>\n"
                   "        <TriggerMethod>Time</TriggerMethod>\n        <Track>")
        for p in points:
            if before is not None and p.seconds - before.seconds > 1 and p is not points[0]:
                out.append("        </Track>\n        <Track>")
            out.append(f"          <Trackpoint>\n            <Time>{_moment(p.seconds)}</Time>\n"
                       f"            <Position><LatitudeDegrees>{_latitude(p):.8f}</LatitudeDegrees>"
                       "<LongitudeDegrees>6.5</LongitudeDegrees></Position>\n"
                       f"            <DistanceMeters>{p.distance_cm / 100:.2f}</DistanceMeters>\n"
                       f"            <HeartRateBpm><Value>{p.heart_rate_bpm}</Value></HeartRateBpm>\n"
                       "            <Extensions><ns3:TPX><ns3:Speed>"
                       f"{p.speed_mm_s / 1000:.3f}</ns3:Speed><ns3:RunCadence>{p.cadence_strides}"
                       "</ns3:RunCadence></ns3:TPX></Extensions>\n          </Trackpoint>")
            before = p
        out.append("        </Track>\n      </Lap>")
    out += ["    </Activity>\n  </Activities>", "</TrainingCenterDatabase>", ""]
    return "\n".join(out).encode()


# FIT message numbers (FIT profile): file_id 0, session 18, record 20, event 21, activity 34,
# timestamp_correlation 162
FILE_ID, SESSION, RECORD, EVENT, ACTIVITY, TIMESTAMP_CORRELATION = 0, 18, 20, 21, 34, 162
TIMER, START_EVENT, STOP_ALL = 0, 0, 4  # event "timer"; event types "start" and "stop_all"
GARMIN, FORERUNNER_70 = 1, 1436
RECORD_FIELDS = [(5, UINT32), (6, UINT16), (4, UINT8), (53, UINT8), (3, UINT8)]  # distance, speed, cadence...


def fit(run: MadeRun, device_relative: bool = True, compressed: bool = True, session: bool = True,
        correlated: bool = False) -> bytes:
    """An activity file as an older watch writes it (``device_relative``: a clock counting from power-on,
    with no timestamp_correlation message unless ``correlated``; ``compressed``: records timed by compressed
    timestamp headers), or with UTC times and normal headers, as newer watches write it. Pauses: a timer
    stop_all event, no records while stopped, a timer start event. ``session``: with the session's summary."""
    def utc(seconds: int) -> int:
        return int((START - FIT_EPOCH).total_seconds()) + seconds

    def clock(seconds: int) -> int:
        return POWER_ON_S + seconds if device_relative else utc(seconds)

    writer = FitWriter(header_size=12 if device_relative else 14, profile_version=100 if device_relative else 2132)
    writer.define(0, FILE_ID, [(0, ENUM), (1, UINT16), (2, UINT16), (3, UINT32Z), (4, UINT32)])
    writer.message(0, {0: 4, 1: GARMIN, 2: FORERUNNER_70, 3: 3_842_112_345, 4: clock(0)})  # type 4: activity
    writer.define(2, EVENT, [(TIMESTAMP_FIELD, UINT32), (0, ENUM), (1, ENUM), (4, UINT8)])
    writer.define(3, RECORD, [(TIMESTAMP_FIELD, UINT32), *RECORD_FIELDS])  # a record with its full time
    if compressed:
        writer.define(1, RECORD, RECORD_FIELDS)  # timed by its header
    writer.message(2, {TIMESTAMP_FIELD: clock(0), 0: TIMER, 1: START_EVENT, 4: 0})
    if correlated:  # the time of day, and the power-on clock at that moment
        writer.define(6, TIMESTAMP_CORRELATION, [(TIMESTAMP_FIELD, UINT32), (1, UINT32)])
        writer.message(6, {TIMESTAMP_FIELD: utc(0), 1: clock(0)})
    before = None
    for p in run.points:
        if before is not None and p.seconds - before.seconds > 1:  # a pause: stopped, started again
            writer.message(2, {TIMESTAMP_FIELD: clock(before.seconds), 0: TIMER, 1: STOP_ALL, 4: 0})
            writer.message(2, {TIMESTAMP_FIELD: clock(p.seconds), 0: TIMER, 1: START_EVENT, 4: 0})
        values = {5: p.distance_cm, 6: p.speed_mm_s, 4: p.cadence_strides, 53: 64 if p.half_stride else 0,
                  3: p.heart_rate_bpm}  # fractional cadence in 1/128ths
        if compressed and 0 <= clock(p.seconds) - writer.last_timestamp < COMPRESSED_SPAN_S:
            writer.compressed(1, clock(p.seconds), values)
        else:
            writer.message(3, {TIMESTAMP_FIELD: clock(p.seconds), **values})
        before = p
    end = clock(run.elapsed_s)
    writer.message(2, {TIMESTAMP_FIELD: end, 0: TIMER, 1: STOP_ALL, 4: 0})
    if not session:
        return writer.bytes()
    writer.define(4, SESSION, [(TIMESTAMP_FIELD, UINT32), (2, UINT32), (5, ENUM), (6, ENUM), (7, UINT32),
                               (8, UINT32), (9, UINT32), (16, UINT8), (17, UINT8), (18, UINT8)])
    writer.message(4, {TIMESTAMP_FIELD: end, 2: clock(0), 5: 1, 6: 0, 7: run.elapsed_s * 1000,  # sport 1: running
                       8: run.moving_s * 1000, 9: run.points[-1].distance_cm, 16: round(run.heart_rate_bpm_mean),
                       17: run.heart_rate_bpm_max, 18: round(run.cadence_spm_median() / 2)})
    writer.define(5, ACTIVITY, [(TIMESTAMP_FIELD, UINT32), (0, UINT32), (1, UINT16), (2, ENUM), (3, ENUM), (4, ENUM)])
    writer.message(5, {TIMESTAMP_FIELD: end, 0: run.moving_s * 1000, 1: 1, 2: 0, 3: 26, 4: 1})
    return writer.bytes()
