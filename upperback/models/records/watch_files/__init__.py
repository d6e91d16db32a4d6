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

import xml.etree.ElementTree as ET

from upperback.models.records.watch_files.fit import FIT_UTC_FROM, read_fit
from upperback.models.records.watch_files.gpx import read_gpx
from upperback.models.records.watch_files.run import (
    MAX_FILE_BYTES,
    Run,
    RunFileError,
    Sample,
    file_too_big,
    join_with_check_ins,
    megabytes,
    per_minute,
    run_name,
    start_words,
)
from upperback.models.records.watch_files.tcx import read_tcx
from upperback.models.records.watch_files.xml_events import not_well_formed, xml_events

__all__ = ["FIT_UTC_FROM", "MAX_FILE_BYTES", "Run", "RunFileError", "Sample", "file_too_big", "join_with_check_ins",
           "megabytes", "per_minute", "read_run", "run_name", "start_words"]


def read_run(data: bytes, name: str) -> Run:
    """The run in ``data`` (a file's bytes, ``name`` for messages); RunFileError says why not."""
    if not data.strip():
        raise RunFileError(f"{name}: the file is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise RunFileError(file_too_big(name, megabytes(len(data))))
    if len(data) >= 12 and data[8:12] == b".FIT":
        run = read_fit(data, name)
    elif data.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"<":  # XML, perhaps after a BOM
        run = _read_xml(data, name)
    else:
        raise RunFileError(f"{name}: this is not a FIT, TCX or GPX file.")
    if not run.samples:
        raise RunFileError(f"{name}: the file has no recorded points.")
    return run


def _read_xml(data: bytes, name: str) -> Run:
    """TCX or GPX, read as a stream: each track point is read when its element ends and then emptied, so a
    file of 50 MB never stands in memory as a whole tree (that took 400 MiB more, and longer)."""
    kind, events = xml_events(data, name)
    try:
        if kind == "TrainingCenterDatabase":
            return read_tcx(events, name)
        if kind == "gpx":
            return read_gpx(events, name)
    except ET.ParseError as problem:  # anywhere in the file: nothing of it is imported
        raise not_well_formed(name, problem) from None
    raise RunFileError(f"{name}: this XML file is neither TCX nor GPX (it is <{kind}>).")
