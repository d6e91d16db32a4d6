"""Benchmark: how long each lesson takes to run from a fresh kernel, and how fast each explorer updates.

    python benchmarks/run.py        (or: make bench)

Prints a table and writes it to benchmarks/RESULTS.md. Targets: the whole series in 30 s or less on a
2-core machine; every explorer update at most 20 ms median in the kernel.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from upperback.explorers import EXPLORERS
from upperback.models.lessons import LESSONS

SERIES_TARGET_S = 30.0
UPDATE_TARGET_MS = 20.0
PRESSES, WARM_UP = 20, 3  # as in the browser benchmark (benchmarks/browser.py)


def time_notebook(path: Path) -> float:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, kernel_name="python3", timeout=300,
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.perf_counter()
    client.execute()
    return time.perf_counter() - started


def time_explorer(make_explorer, as_the_browser: bool = False) -> tuple[float, float, str]:
    """Median and p95 of one update, in ms: each slider moved one step at a time, as its arrow key moves it
    (PRESSES presses after WARM_UP, turning back at either end), so most moves show new values and new
    labels, as in the browser benchmark. ``as_the_browser``: each move arrives as the browser sends it and
    is answered, and the pictures of the next steps are drawn and sent ahead: all the kernel does for a move."""
    explorer = make_explorer()
    durations = []
    for control in explorer.controls.values():
        values = _slider_values(control)
        at = values.index(control.value)  # a slider's value is always one of its positions
        direction = 1
        for press in range(WARM_UP + PRESSES):
            if not 0 <= at + direction < len(values):
                direction = -direction
            at += direction
            started = time.perf_counter()
            if as_the_browser:
                control.set_state({"index": at} if hasattr(control, "options") else {"value": values[at]})
            else:
                control.value = values[at]  # the observer redraws and re-encodes the PNG
            if press >= WARM_UP:
                durations.append((time.perf_counter() - started) * 1000)
    durations.sort()
    p95 = durations[min(len(durations) - 1, int(0.95 * len(durations)))]
    return statistics.median(durations), p95, ", ".join(explorer.controls)


def _slider_values(control) -> list:
    """Every position of a slider, in order."""
    if hasattr(control, "options"):
        return [value for _, value in control.options]
    steps = round((control.max - control.min) / control.step)
    return [round(control.min + i * control.step, control.decimals) for i in range(steps + 1)]


LOG_SIZES = (1_000, 10_000, 100_000)
LOG_TARGETS_S = {10_000: 1.0, 100_000: 10.0}


def time_log_review(runs: int) -> float:
    """Seconds to open lesson 04's review (read, summary, chart, table) of a log of this many runs."""
    import json
    from datetime import date, timedelta

    from upperback.models.checkin_log import CHANGES
    from upperback.storage_log import CheckInLog
    from upperback.widgets.checkin_form import LogReview

    folder = Path(tempfile.mkdtemp(prefix="upperback-bench-log-"))
    changes = list(CHANGES)
    with (folder / "run_log.jsonl").open("w") as log:
        for number in range(runs):
            changed = [changes[number % len(changes)]] if number % 3 else []
            log.write(json.dumps({
                "run_date": (date(1990, 1, 1) + timedelta(days=number % 13_000)).isoformat(), "minutes": 40,
                "ache": number % 8, "regions": ["between_blades"], "started": "tired", "changed": changed,
                "helped": "a_little" if changed else "no_change", "note": "felt fine", "entry_id": f"b{number}",
            }) + "\n")
    started = time.perf_counter()
    LogReview(CheckInLog(folder), folder)
    return time.perf_counter() - started


FIT_IMPORT_TARGET_S = 2.0


def time_fit_import(copies: int = 4) -> tuple[int, float]:
    """Records and seconds to import a long FIT file: the sample run chained four times (FIT allows chained
    files), about 11,000 records, as many as three hours of running at one record a second."""
    from upperback.models.run_files import read_run

    sample = (ROOT / "upperback" / "sample_runs" / "run_fenix2_2015.fit").read_bytes()
    started = time.perf_counter()
    run = read_run(sample * copies, "long.fit")
    return len(run.samples), time.perf_counter() - started


def main() -> None:
    os.environ["UPPERBACK_DATA_DIR"] = tempfile.mkdtemp(prefix="upperback-bench-")
    lines = [(f"# Benchmark results\n\nMachine: {platform.processor() or platform.machine()}, "
             f"{os.cpu_count()} cores, Python {platform.python_version()}.\n"),
             "## Notebooks, each from a fresh kernel\n", "| notebook | seconds |", "| --- | ---: |"]
    total = 0.0
    for path in (ROOT / "notebooks" / lesson.notebook for lesson in LESSONS):
        seconds = time_notebook(path)
        total += seconds
        lines.append(f"| {path.name} | {seconds:.1f} |")
    verdict = "meets" if total <= SERIES_TARGET_S else "MISSES"
    lines += [f"| **whole series** | **{total:.1f}** ({verdict} the {SERIES_TARGET_S:.0f} s target) |", "",
              f"## Explorer updates ({PRESSES} one-step moves per slider after {WARM_UP}, in the kernel: model + redraw + PNG)\n",
              ("A new setting drawn; and a move as the browser sends it, answered, with the pictures of the next "
               "steps drawn and sent ahead (the move itself is then mostly a picture drawn ahead the move before).\n"),
              ("| explorer | sliders | new setting: median ms | p95 ms | browser move with the next pictures: median ms "
               "| p95 ms | target |"), "| --- | --- | ---: | ---: | ---: | ---: | --- |"]
    for name, make_explorer in EXPLORERS.items():
        median, p95, sliders = time_explorer(make_explorer)
        moved, moved_p95, _ = time_explorer(make_explorer, as_the_browser=True)
        ok = "meets" if max(median, moved) <= UPDATE_TARGET_MS else "MISSES"
        lines.append(f"| {name} | {sliders} | {median:.1f} | {p95:.1f} | {moved:.1f} | {moved_p95:.1f} "
                     f"| {ok} ≤ {UPDATE_TARGET_MS:.0f} ms |")
    lines += ["", "## Reviewing the check-in log (lesson 04: read, summary, chart, table of the newest runs)\n",
              "| runs | seconds | target |", "| ---: | ---: | --- |"]
    for runs in LOG_SIZES:
        seconds = time_log_review(runs)
        target = LOG_TARGETS_S.get(runs)
        verdict = "" if target is None else f"{'meets' if seconds <= target else 'MISSES'} ≤ {target:g} s"
        lines.append(f"| {runs:,} | {seconds:.2f} | {verdict} |")
    records, seconds = time_fit_import()
    verdict = "meets" if seconds <= FIT_IMPORT_TARGET_S else "MISSES"
    lines += ["", "## Importing a watch file (lesson 05)\n", "| file | records | seconds | target |",
              "| --- | ---: | ---: | --- |",
              (f"| FIT, the sample run chained 4 times | {records:,} | {seconds:.2f} | {verdict} ≤ "
               f"{FIT_IMPORT_TARGET_S:g} s |")]
    text = "\n".join(lines) + "\n"
    print(text)
    (ROOT / "benchmarks" / "RESULTS.md").write_text(text)


if __name__ == "__main__":
    main()
