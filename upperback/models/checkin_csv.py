"""The check-in log as CSV, for a spreadsheet or to carry a log from Binder to another computer."""

from __future__ import annotations

import csv
import io

from upperback.models.checkin_log import CheckIn, InvalidCheckIn, validate_check_in

COLUMNS = ("run_date", "minutes", "km", "ache", "regions", "started", "noticed", "changed", "helped", "note",
           "entry_id")
LIST_COLUMNS = ("regions", "noticed", "changed")
SEPARATOR = ";"  # inside one cell, between several choices


def to_csv(entries: list[CheckIn]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        row = entry.as_record()
        for column in LIST_COLUMNS:
            row[column] = SEPARATOR.join(row[column])
        row["minutes"] = "" if entry.minutes is None else f"{entry.minutes:g}"
        row["km"] = "" if entry.km is None else f"{entry.km:g}"
        writer.writerow(row)
    return buffer.getvalue()


def from_csv(text: str) -> tuple[list[CheckIn], list[str]]:
    """The valid rows as entries, and a plain-words problem for each row that is not."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in COLUMNS[:-1] if column not in (reader.fieldnames or [])]
    if missing:
        return [], [f"This is not a check-in log export: the columns {', '.join(missing)} are missing."]
    entries, problems = [], []
    for number, row in enumerate(reader, start=2):  # line 1 is the header
        raw = dict(row)
        for column in LIST_COLUMNS:
            raw[column] = [part for part in (raw.get(column) or "").split(SEPARATOR) if part]
        try:
            entries.append(validate_check_in(raw))
        except InvalidCheckIn as problem:
            problems.append(f"row {number}: {problem}")
    return entries, problems
