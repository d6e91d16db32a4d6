"""GPX files (the open GPS exchange format): the track points of every track, distance from positions."""

from __future__ import annotations

from upperback.models.records.watch_files.run import (
    Run,
    RunFileError,
    Sample,
    as_number,
    as_positive,
    haversine_m,
    moving_seconds,
    real_start,
    sport_or_refuse,
)
from upperback.models.records.watch_files.xml_events import local_name, parse_time, texts_by_name


def read_gpx(events, name: str) -> Run:
    """The track points of every track, and the first track's type; ``events``: the file's stream."""
    depth, track_depth, tracks, sport, raw = 1, None, 0, None, []
    for event, element in events:
        local = local_name(element.tag)
        if event == "start":
            depth += 1
            if local == "trk":
                tracks, track_depth = tracks + 1, depth
            continue
        if local == "trkpt" and track_depth is not None:
            texts, lat, lon = texts_by_name(element), as_number(element.get("lat")), as_number(element.get("lon"))
            element.clear()
            moment = parse_time(texts.get("time"))
            if moment is not None:
                cadence = as_number(texts.get("cad"))
                raw.append((moment, lat, lon, None if cadence is None else 2 * cadence, as_positive(texts.get("hr"))))
        elif local == "type" and tracks == 1 and depth == track_depth + 1:
            sport = element.text.strip() if element.text else None
        elif local == "trkseg":
            element.clear()  # its points, emptied one by one
        elif local == "trk":
            track_depth = None
        depth -= 1
    if not tracks:
        raise RunFileError(f"{name}: the GPX file has no track (a route or waypoints only?).")
    sport = sport_or_refuse(sport, name)
    if not raw:
        raise RunFileError(f"{name}: the GPX file has no timed track points.")
    first, distance, previous, samples = raw[0][0], 0.0, None, []
    for moment, lat, lon, cadence, heart in raw:
        here = (lat, lon) if lat is not None and lon is not None else None
        step = haversine_m(previous, here) if previous and here else 0.0
        seconds = (moment - first).total_seconds()
        speed = step / (seconds - samples[-1].seconds) if samples and seconds > samples[-1].seconds else None
        distance += step
        previous = here or previous
        samples.append(Sample(seconds, distance, speed, cadence, heart))
    positions = any(lat is not None for _, lat, _, _, _ in raw)
    samples = tuple(samples)
    return Run(file=name, format="gpx", sport=sport, start_utc=real_start(first), elapsed_s=samples[-1].seconds,
               moving_s=moving_seconds(samples), distance_m=distance if positions else None, samples=samples,
               has_positions=positions)


