"""TCX files (Garmin's Training Center XML): the first activity's laps and their track points."""

from __future__ import annotations

from upperback.models.records.watch_files.run import (
    Run,
    RunFileError,
    Sample,
    as_number,
    as_positive,
    moving_seconds,
    real_start,
    sport_or_refuse,
    with_speeds,
)
from upperback.models.records.watch_files.xml_events import (
    local_name,
    parse_time,
    text_at,
    texts_by_name,
)


def read_tcx(events, name: str) -> Run:
    """The first activity's laps and their track points; ``events``: the file's (event, element) stream."""
    depth, activity_depth, sport, in_lap, laps, points = 1, None, None, False, [], []
    for event, element in events:
        local = local_name(element.tag)
        if event == "start":
            depth += 1
            if local == "Activity" and sport is None:
                activity_depth, sport = depth, sport_or_refuse(element.get("Sport"), name)
            in_lap = in_lap or (local == "Lap" and activity_depth is not None and depth == activity_depth + 1)
            continue
        if local == "Trackpoint" and in_lap:
            texts = texts_by_name(element)
            element.clear()
            moment = parse_time(texts.get("Time"))
            if moment is not None:
                cadence = as_number(texts.get("RunCadence"))
                points.append((moment, as_number(texts.get("DistanceMeters")), as_number(texts.get("Speed")),
                               None if cadence is None else 2 * cadence,
                               as_positive(texts.get("Value")), "Position" in texts))  # Value: the HeartRateBpm's
        elif local == "Lap" and in_lap and depth == activity_depth + 1:
            laps.append((parse_time(element.get("StartTime")), as_number(text_at(element, "TotalTimeSeconds")) or 0.0,
                         as_number(text_at(element, "DistanceMeters")) or 0.0))
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
    samples = with_speeds([Sample((moment - first).total_seconds(), distance, speed, cadence, heart)
                            for moment, distance, speed, cadence, heart, _ in points])
    timer = sum(lap_timer for _, lap_timer, _ in laps)
    lap_distance = sum(lap_metres for _, _, lap_metres in laps)
    distances = [s.distance_m for s in samples if s.distance_m is not None]
    return Run(file=name, format="tcx", sport=sport, start_utc=real_start(start),
               elapsed_s=(points[-1][0] - start).total_seconds(), moving_s=timer or moving_seconds(samples),
               distance_m=lap_distance or (max(distances) if distances else None), samples=samples,
               has_positions=any(point[5] for point in points))


