"""Your experiment from a CSV file of runs: ``python -m upperback.experiment [--json] FILE.csv``.

The file has a header row and one row per run, with the columns
    date         the run's date, like 2026-11-24
    with_change  yes or no: whether you used the change on this run
    ache         your ache on the run, a whole number from 0 to 10 (empty: not logged)
and, if you have them,
    pair         the pair the run belongs to (1, 2, ...); without it, runs pair up in date order: 1-2, 3-4, ...
    km, minutes  the watch's distance and time
    warning      none, or the warning sign's tier (emergency, effort, urgent) that came with the run
Commas or semicolons may separate the columns. The answer is upperback.models.records.experiment's, printed in words
or, with --json, as JSON. A file that cannot be read gives one line on stderr saying why, and exit code 2.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import date
from pathlib import Path

from upperback.models.course.warning_signs import TIERS
from upperback.models.records.checkin_log import DAY_NUMBERS, EARLIEST_RUN, MAX_KM, MAX_MINUTES, PLAIN_NUMBER
from upperback.models.records.experiment import (
    PAIRS_MOST,
    ExperimentAnswer,
    LoggedRun,
    RunPair,
    analyse_pairs,
)

REQUIRED = ("date", "with_change", "ache")
OPTIONAL = ("pair", "km", "minutes", "warning")
YES, NO = {"yes", "y"}, {"no", "n"}
NO_WARNING = {"", "none", "no"}
MAX_FILE_BYTES = 1_000_000  # our bound: a run log of a few hundred rows is a few kilobytes
BAD_FILE = 2  # the exit code for a file that cannot be read, as argparse uses for bad arguments


class BadRunFile(ValueError):
    """Why a file of runs cannot be read, in one sentence."""


def _date(text: str, row: int) -> date:
    try:
        if not DAY_NUMBERS.fullmatch(text):
            raise ValueError
        day = date.fromisoformat(text)
    except ValueError:
        raise BadRunFile(f"row {row}: the date must look like 2026-11-24, not {text!r}") from None
    if day < EARLIEST_RUN:
        raise BadRunFile(f"row {row}: the date {text} is before {EARLIEST_RUN:%Y}; check the year")
    return day


def _yes_no(text: str, row: int) -> bool:
    if text.lower() in YES | NO:
        return text.lower() in YES
    raise BadRunFile(f"row {row}: with_change must be yes or no, not {text!r}")


def _ache(text: str, row: int) -> int | None:
    if not text:
        return None
    if not text.isascii() or not text.isdigit():
        raise BadRunFile(f"row {row}: the ache must be a whole number from 0 to 10, not {text!r}")
    if int(text) > 10:
        raise BadRunFile(f"row {row}: the ache must be from 0 to 10, not {text}")
    return int(text)


def _number(text: str, name: str, upper: float, row: int) -> float | None:
    if not text:
        return None
    if not PLAIN_NUMBER.fullmatch(text):
        raise BadRunFile(f"row {row}: {name} must be a number, not {text!r}")
    value = float(text.replace(",", "."))
    if not 0 < value <= upper:
        raise BadRunFile(f"row {row}: {name} must be more than 0 and at most {upper:g}, not {text}")
    return value


def _pair_number(text: str, row: int) -> int:
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= PAIRS_MOST):
        raise BadRunFile(f"row {row}: pair must be a whole number from 1 to {PAIRS_MOST}, not {text!r}")
    return int(text)


def _warning(text: str, row: int) -> str | None:
    if text.lower() in NO_WARNING:
        return None
    if text.lower() in TIERS:
        return text.lower()
    raise BadRunFile(f"row {row}: warning must be none or one of {', '.join(TIERS)}, not {text!r}")


def _table(text: str) -> tuple[list[str], list[list[str]]]:
    if "\x00" in text:
        raise BadRunFile("this is not a CSV text file")
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise BadRunFile("the file is empty: it needs a header row (date,with_change,ache)")
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter, strict=True))
    except csv.Error as problem:
        raise BadRunFile(f"this is not a readable CSV file ({problem})") from None
    header = [name.strip().lower() for name in rows[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise BadRunFile(f"the column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                         f"{'are' if len(missing) > 1 else 'is'} missing (the header needs date, with_change, ache)")
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        raise BadRunFile(f"the column {repeated[0]} appears twice in the header")
    return header, rows[1:]


def runs_from_csv(text: str) -> list[RunPair]:
    """The file's runs in their pairs. Raises BadRunFile naming the first problem."""
    header, rows = _table(text)
    runs: list[tuple[int | None, LoggedRun]] = []
    for number, cells in enumerate(rows, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise BadRunFile(f"row {number} has {len(cells)} cells but the header has {len(header)}")
        row = {name: cell.strip() for name, cell in zip(header, cells)}
        pair = _pair_number(row["pair"], number) if "pair" in header else None
        runs.append((pair, LoggedRun(_date(row["date"], number), _ache(row["ache"], number),
                                     _yes_no(row["with_change"], number),
                                     _number(row.get("km", ""), "km", MAX_KM, number),
                                     _number(row.get("minutes", ""), "minutes", MAX_MINUTES, number),
                                     _warning(row.get("warning", ""), number))))
    if "pair" not in header:  # pair up in date order (a stable sort keeps the file's order within a day)
        by_date = sorted((run for _, run in runs), key=lambda run: run.run_date)
        runs = [(index // 2 + 1, run) for index, run in enumerate(by_date)]
        if len(runs) > 2 * PAIRS_MOST:
            raise BadRunFile(f"the file has {len(runs)} runs; an experiment has at most {PAIRS_MOST} pairs")
    grouped: dict[int, list[LoggedRun]] = {}
    for pair, run in runs:
        grouped.setdefault(pair, []).append(run)
    for pair, members in grouped.items():
        if len(members) > 2:
            raise BadRunFile(f"pair {pair} has {len(members)} runs; a pair has two")
    return [_run_pair(number, sorted(grouped.get(number, []), key=lambda run: run.run_date))
            for number in range(1, max(grouped, default=0) + 1)]


def _run_pair(number: int, members: list[LoggedRun]) -> RunPair:
    """Which run is 'with' the change: the one that used it. When both or neither did, the pair is kept in
    date order and the analysis leaves it out, saying why."""
    if len(members) == 1:
        (run,) = members
        return RunPair(number, run, None) if run.change_done else RunPair(number, None, run)
    if len(members) == 2 and not members[0].change_done and members[1].change_done:
        return RunPair(number, members[1], members[0])
    return RunPair(number, *members) if members else RunPair(number, None, None)


def answer_from_csv(text: str) -> ExperimentAnswer:
    return analyse_pairs(runs_from_csv(text))


def answer_in_words(answer: ExperimentAnswer) -> str:
    lines = [*answer.answer]
    if answer.pairs_skipped:
        lines += ["", "Pairs left out:"] + [f"  pair {s.pair_number}: {s.reason}" for s in answer.pairs_skipped]
    if answer.cannot_tell:
        lines += ["", "What it cannot tell:"] + [f"  - {sentence}" for sentence in answer.cannot_tell]
        lines += ["", f"How: {answer.method}"]
    return "\n".join(lines)


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message):  # one line, not argparse's usage block
        self.exit(BAD_FILE, f"{self.prog}: {message}\n")


def read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise BadRunFile(f"the file is larger than {MAX_FILE_BYTES:,} bytes; a run log is far smaller")
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise BadRunFile("there is no such file") from None
    except IsADirectoryError:
        raise BadRunFile("this is a folder, not a file") from None
    except PermissionError:
        raise BadRunFile("this file cannot be opened (no permission)") from None
    except UnicodeDecodeError:
        raise BadRunFile("this is not a CSV text file (it is not UTF-8 text)") from None
    except OSError as problem:
        raise BadRunFile(f"this file cannot be read ({problem.strerror or problem})") from None


def main(argv: list[str] | None = None) -> int:
    parser = _OneLineParser(prog="python -m upperback.experiment",
                            description="The answer to your experiment (lesson 06) from a CSV file of runs.")
    parser.add_argument("file", type=Path, help="CSV with columns date, with_change, ache (and pair, km, minutes)")
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")
    arguments = parser.parse_args(argv)
    try:
        answer = answer_from_csv(read_text(arguments.file))
    except ValueError as problem:  # BadRunFile, or a run the model refuses
        print(f"{parser.prog}: {arguments.file}: {problem}", file=sys.stderr)
        return BAD_FILE
    if arguments.json:
        print(json.dumps(answer.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(answer_in_words(answer))
    return 0
