"""The check-in log as CSV, for a spreadsheet or to carry a log from Binder to another computer.

Safe to open in a spreadsheet: a text cell that starts with = + - @, a tab or a carriage return would be
run as a formula, so it is written with a leading apostrophe (the OWASP advice for CSV injection); a cell
that really starts with an apostrophe gets one more. Importing removes exactly one, so export then import
gives back every character. Fields a newer version wrote travel in the ``extra`` column as JSON.
"""

from __future__ import annotations

import csv
import io
import json

from upperback.models.records.checkin_log import (
    FIELDS,
    NEWER_FIELDS,
    CheckIn,
    InvalidCheckIn,
    validate_check_in,
)

COLUMNS = (*FIELDS, "extra")
LIST_COLUMNS = ("regions", "noticed", "changed")
TEXT_COLUMNS = ("note", "entry_id", "extra")  # what a runner (or a file) can put anything into
SEPARATOR = ";"  # inside one cell, between several choices
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
MAX_CELL_CHARS = 10_000  # our bound: far above any real cell (a note is at most 500 characters)
MAX_CSV_BYTES = 5_000_000  # our bound: a run a day for ten years with full notes is about 2 MB


def neutralised(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def restored(cell: str) -> str:
    return cell.removeprefix("'")


def to_csv(entries: list[CheckIn]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")  # RFC 4180: a CR in a note is quoted
    writer.writeheader()
    for entry in entries:
        row = {name: value for name, value in entry.as_record().items() if name in FIELDS}
        for column in LIST_COLUMNS:
            row[column] = SEPARATOR.join(row[column])
        row["minutes"] = "" if entry.minutes is None else f"{entry.minutes:g}"
        row["km"] = "" if entry.km is None else f"{entry.km:g}"
        row["extra"] = json.dumps(dict(entry.extra), ensure_ascii=False) if entry.extra else ""
        for column in TEXT_COLUMNS:
            row[column] = neutralised(row[column])
        writer.writerow(row)
    return buffer.getvalue()


def from_csv(text: str) -> tuple[list[CheckIn], list[str]]:
    """The valid rows as entries, and a plain-words problem for each row that is not."""
    reader = csv.DictReader(io.StringIO(text))
    try:
        header = reader.fieldnames or []
    except csv.Error as problem:
        return [], [f"This file cannot be read as CSV ({problem})."]
    missing = [column for column in FIELDS if column not in header and column not in NEWER_FIELDS]
    if missing:
        return [], [f"This is not a check-in log export: the columns {', '.join(missing)} are missing."]
    entries, problems = [], []
    number = 1  # line 1 is the header
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as problem:  # e.g. a cell larger than csv's own limit: the rest cannot be trusted
            problems.append(f"row {number} cannot be read ({problem}); it and the rows after it were not imported")
            break
        try:
            entries.append(validate_check_in(_raw(row)))
        except InvalidCheckIn as problem:
            problems.append(f"row {number}: {problem}")
    return entries, problems


def _raw(row: dict) -> dict:
    if any(len(value or "") > MAX_CELL_CHARS for value in row.values() if isinstance(value, str)):
        raise InvalidCheckIn([f"a cell is longer than {MAX_CELL_CHARS:,} characters"])
    raw = {key: value for key, value in row.items() if key in FIELDS}
    if raw.get("warning") is None:  # a short row or an older export: the check-in did not ask yet
        raw["warning"] = ""
    for column in TEXT_COLUMNS:
        if column in FIELDS and isinstance(row.get(column), str):
            raw[column] = restored(row[column])
    for column in LIST_COLUMNS:
        raw[column] = [part for part in (raw.get(column) or "").split(SEPARATOR) if part]
    extra = restored(row.get("extra") or "")
    if extra:
        try:
            fields = json.loads(extra)
        except (ValueError, RecursionError):
            raise InvalidCheckIn(["the extra column is not readable"]) from None
        if not isinstance(fields, dict):
            raise InvalidCheckIn(["the extra column is not readable"])
        raw = {**{key: value for key, value in fields.items() if key not in FIELDS}, **raw}
    return raw
