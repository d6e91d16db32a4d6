"""The check-in log on disk: ``run_log.jsonl`` in the runner's data folder, one run per line.

Appends go through one write of one whole line and are flushed to disk, so a crash can at worst leave a
cut-off last line; the next read reports it and skips it, and the next append starts on a fresh line.
The file is never rewritten: every line that was ever written stays in it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from upperback.models.records.checkin_csv import from_csv, to_csv
from upperback.models.records.checkin_log import CheckIn, InvalidCheckIn, validate_check_in
from upperback.storage.files import append_line, data_dir, plain_error

LOG_FILE = "run_log.jsonl"


@dataclass
class LogRead:
    entries: list[CheckIn]
    problems: list[str] = field(default_factory=list)


class CheckInLog:
    def __init__(self, folder: Path | str | None = None):
        self.folder = Path(folder) if folder is not None else data_dir()
        self.path = self.folder / LOG_FILE

    def read(self) -> LogRead:
        """Every entry that was valid when it was written; a line that is not is named with its number and a
        glimpse of it, and stays in the file as it is."""
        try:
            if not self.path.exists():
                return LogRead([])
            lines = self.path.read_bytes().split(b"\n")
        except OSError as problem:
            return LogRead([], [f"The log at {self.path} could not be read ({plain_error(problem)})."])
        entries, problems, seen = [], [], set()
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                entry = validate_check_in(json.loads(line.decode("utf-8")), stored=True)
            except (UnicodeDecodeError, json.JSONDecodeError):
                problems.append(f"line {number} of the log could not be read (perhaps cut off when a save was "
                                f"interrupted): {_glimpse(line)}; it is skipped and left in the file")
                continue
            except (InvalidCheckIn, RecursionError, ValueError) as problem:
                why = "it is nested too deeply" if isinstance(problem, RecursionError) else str(problem)
                problems.append(f"line {number} of the log is not a valid check-in ({why}): {_glimpse(line)}; "
                                "it is skipped and left in the file")
                continue
            if entry.entry_id not in seen:
                seen.add(entry.entry_id)
                entries.append(entry)
        return LogRead(entries, problems)

    def append(self, entry: CheckIn) -> None:
        """Add one run. Raises OSError when the disk refuses; the file is then as it was, or has a cut-off
        last line that the next read skips. The folder and the file are readable by their owner only."""
        append_line(self.path, json.dumps(entry.as_record(), ensure_ascii=False))

    def csv_export(self, entries: list[CheckIn] | None = None) -> tuple[str, str]:
        """The whole log as CSV, and the name to save it under on the runner's computer (the download of the
        log review): nothing is written to disk here. ``entries``: the log as just read, to read it once."""
        return f"run_log_{datetime.now():%Y-%m-%d}.csv", to_csv(self.read().entries if entries is None else entries)

    def import_csv(self, text: str) -> tuple[int, list[str]]:
        """Append the valid rows that are not in the log yet. Returns how many were added, and problems."""
        entries, problems = from_csv(text)
        known = {entry.entry_id for entry in self.read().entries}
        added = 0
        for entry in entries:
            if entry.entry_id in known:
                continue
            self.append(entry)
            known.add(entry.entry_id)
            added += 1
        return added, problems


def _glimpse(line: bytes) -> str:
    """The start of a bad line, as text, so the runner can find it in the file."""
    text = line.decode("utf-8", errors="replace").strip()
    return repr(text if len(text) <= 60 else text[:57] + "…")
