"""Read watch files from the command line: a summary per file, for scripting and for checking.

    python -m upperback.runs --json FILE...    one JSON object per file and line (positions never printed)
    python -m upperback.runs FILE...           a short summary in words

A file that cannot be read prints nothing on standard output, one line on standard error saying why, and
makes the exit status 2 (after the other files have been read).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from upperback.models.records.watch_files import (
    MAX_FILE_BYTES,
    Run,
    RunFileError,
    file_too_big,
    megabytes,
    read_run,
)


def read_path(path: Path) -> Run:
    """The run in a file on disk; RunFileError for a file that cannot be opened or read as a run."""
    try:
        size_bytes = path.stat().st_size
        if size_bytes > MAX_FILE_BYTES:  # before reading it all into memory
            raise RunFileError(file_too_big(path.name, megabytes(size_bytes)))
        data = path.read_bytes()
    except OSError as problem:
        raise RunFileError(f"{path.name}: cannot be opened ({problem.strerror}).") from None
    return read_run(data, path.name)


def in_words(run: Run) -> str:
    figures = run.summary()
    parts = [f"{run.file}: {run.sport} ({run.format})", figures["start_utc"] or "start time unknown",
             f"{run.elapsed_s / 60:.0f} min" + (f" ({run.moving_s / 60:.0f} moving)" if run.moving_s else "")]
    if run.distance_m:
        parts.append(f"{run.distance_m / 1000:.2f} km")
    if run.cadence_spm_median:
        parts.append(f"cadence {run.cadence_spm_median:.0f} steps/min")
    if run.heart_rate_bpm_mean:
        parts.append(f"heart rate {run.heart_rate_bpm_mean:.0f} bpm on average, {run.heart_rate_bpm_max:.0f} max")
    return ", ".join(parts)


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m upperback.runs", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object per file and line")
    parser.add_argument("files", nargs="+", type=Path)
    options = parser.parse_args(arguments)
    status = 0
    for path in options.files:
        try:
            run = read_path(path)
        except RunFileError as problem:
            print(problem, file=sys.stderr)
            status = 2
            continue
        print(json.dumps(run.summary()) if options.json else in_words(run), flush=True)
    return status
