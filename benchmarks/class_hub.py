"""A class of ten on a local JupyterHub (`make class`): ten learners sign in at once, follow the class link,
pull the lessons with nbgitpuller and run lesson 00 (the class test's path). How long until each learner's
kernel answers, until lesson 00 has run and the self-check is saved, and each learner's memory.

    python -m benchmarks.class_hub        (make bench runs it last)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.browser import write_section
from harness.class_hub import PHASES, Learner, attend, class_hub, memory_mib

LEARNERS = 10
TARGET_S = 20  # the median learner's kernel ready within this many seconds of signing in (issue #24)
SECTION = "## A class on a local JupyterHub"


def measure() -> list[tuple[Learner, float]]:
    with tempfile.TemporaryDirectory() as home, class_hub(Path(home)) as (base, repository, homes):
        learners = [Learner(f"runner{number}", homes / f"runner{number}", number) for number in range(LEARNERS)]
        with ThreadPoolExecutor(LEARNERS) as pool:
            attended = list(pool.map(lambda learner: attend(base, repository, learner), learners))
        return [(learner, memory_mib(learner.home)) for learner in attended]


def table(measured: list[tuple[Learner, float]]) -> list[str]:
    ready = [learner.ready_s for learner, _ in measured]
    done = [learner.done_s for learner, _ in measured]
    memory = [mib for _, mib in measured]
    verdict = f"{'meets' if statistics.median(ready) <= TARGET_S else 'misses'} ≤ {TARGET_S} s"
    return ["| | median | slowest |", "| --- | ---: | ---: |",
            f"| signed in → kernel ready, s | {statistics.median(ready):.1f} ({verdict}) | {max(ready):.1f} |",
            f"| signed in → lesson 00 run and self-check saved, s | {statistics.median(done):.1f} | {max(done):.1f} |",
            f"| memory per learner (server + kernel), MiB | {statistics.median(memory):.0f} | {max(memory):.0f} |",
            "", "Where a learner's wait for a kernel goes, step by step (seconds each step took):", "",
            "| step | median | slowest |", "| --- | ---: | ---: |",
            *(f"| {phase} | {statistics.median(steps := [learner.steps[phase] for learner, _ in measured]):.1f} "
              f"| {max(steps):.1f} |" for phase in PHASES)]


if __name__ == "__main__":
    measured = measure()
    errors = [f"{learner.name}: {learner.errors}" for learner, _ in measured if learner.errors]
    rows = table(measured)
    print("\n".join(rows + errors))
    note = (f"`make class` on this machine (2 cores): {LEARNERS} learners sign in at the same moment, each follows "
            "the class link (the hub starts their server, nbgitpuller pulls the lessons from a local copy of "
            "this repository), runs every code cell of lesson 00 in their pulled copy and saves a self-check.\n")
    write_section(SECTION, note, rows)
    sys.exit(1 if errors else 0)
