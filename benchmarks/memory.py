"""Memory: each lesson's kernel at its peak, against a bare kernel that has drawn one matplotlib figure and
imported ipywidgets (what any plotting lesson needs), and whether moving an explorer 1,000 times grows it.

    python -m benchmarks.memory        (make bench runs it after the kernel-side benchmark)
"""

from __future__ import annotations

import gc
import os
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
from benchmarks.browser import write_section
from harness.class_hub import resident_mib
from upperback.lessons.explorers import EXPLORERS
from upperback.models.course.lessons import LESSONS

PEAK = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"  # KiB on Linux
BARE = ("import matplotlib.pyplot as plt, ipywidgets\n"
        "figure, axes = plt.subplots(); axes.plot([0, 1]); figure.canvas.draw()")
MOVES, WARM_UP = 1000, 100
RATIO_TARGET, GROWTH_TARGET_MIB = 1.4, 1.0
SECTION = "## Memory (kernel peak; 1,000 explorer moves)"


def peak_mib(notebook, folder: Path) -> float:
    """Run the notebook in a fresh kernel, then read that kernel's peak resident memory."""
    notebook.cells.append(nbformat.v4.new_code_cell(PEAK))
    NotebookClient(notebook, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(folder)}}).execute()
    return int(notebook.cells[-1].outputs[0]["text"]) / 1024


def growth_mib(make_explorer) -> float:
    """Resident memory after 1,000 more moves of every slider in turn, minus after a warm-up that has moved
    every slider through every position (so its kept labels and pictures, bounded, are all there)."""
    explorer = make_explorer()
    sliders = [(control, control.positions()) for control in explorer.controls.values()]

    def move(count: int) -> None:
        for step in range(count):
            control, values = sliders[step % len(sliders)]
            control.value = values[(step // len(sliders) + 1) % len(values)]

    for control, values in sliders:
        for value in values:
            control.value = value
    move(WARM_UP)
    gc.collect()
    before = resident_mib()
    move(MOVES)
    gc.collect()
    return resident_mib() - before


def main() -> None:
    os.environ["UPPERBACK_DATA_DIR"] = tempfile.mkdtemp(prefix="upperback-memory-")
    scratch = Path(tempfile.mkdtemp(prefix="upperback-memory-nb-"))
    bare = peak_mib(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(BARE)]), scratch)
    rows = ["| kernel | peak MiB | × bare | target |", "| --- | ---: | ---: | --- |",
            f"| bare: matplotlib figure + ipywidgets | {bare:.0f} | 1.00 | |"]
    for lesson in LESSONS:
        path = ROOT / "notebooks" / lesson.notebook
        peak = peak_mib(nbformat.read(path, as_version=4), path.parent)
        verdict = "meets" if peak / bare <= RATIO_TARGET else "misses"
        rows.append(f"| {lesson.notebook} | {peak:.0f} | {peak / bare:.2f} | {verdict} ≤ {RATIO_TARGET} × |")
    rows += ["", f"| explorer | growth over {MOVES:,} moves, MiB | target |", "| --- | ---: | --- |"]
    for name, make_explorer in EXPLORERS.items():
        grown = growth_mib(make_explorer)
        verdict = "meets" if grown <= GROWTH_TARGET_MIB else "misses"
        rows.append(f"| {name} | {grown:.1f} | {verdict} ≤ {GROWTH_TARGET_MIB:g} MiB |")
    print("\n".join(rows))
    note = ("Each lesson run from a fresh kernel (every cell), then the kernel's peak resident memory; the bare "
            "kernel imports matplotlib's pyplot and ipywidgets and draws one figure. Growth: one explorer in "
            f"this process, every slider through every position and {WARM_UP} moves more (its kept labels and "
            f"pictures, at most 1 and 2 MiB, are all there), then {MOVES:,} moves of its sliders in turn.\n")
    write_section(SECTION, note, rows)


if __name__ == "__main__":
    main()
