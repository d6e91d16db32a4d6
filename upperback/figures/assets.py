"""Regenerate the diagrams in ``assets/`` from the package's figure code, byte for byte.

    python -m upperback.figures.assets assets      (or: make assets)

Each lesson adds its figures to ASSETS; a test fails when a committed asset differs from a fresh one. Every
diagram has a layout for a phone beside it, ``<name>-narrow.svg`` (NARROW: its function called with
narrow=True), which the app shows on a narrow screen (delivery/voila_markdown.py).
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from upperback.figures.arm_carriage import arm_carriage_figure
from upperback.figures.arm_pendulum import arm_pendulum_figure
from upperback.figures.breathing import breathing_patterns_figure
from upperback.figures.posture import next_posture_figure, posture_figure
from upperback.figures.rendering import save_svg
from upperback.figures.upper_back import upper_back_figure
from upperback.figures.ventilation import lung_volume_figure

ASSETS = {
    "upper_back.svg": upper_back_figure,
    "arm_carriage.svg": arm_carriage_figure,
    "arm_pendulum.svg": arm_pendulum_figure,
    "breathing_patterns.svg": breathing_patterns_figure,
    "lung_volume.svg": lung_volume_figure,
    "posture.svg": posture_figure,
    "next_posture.svg": next_posture_figure,
}
NARROW_SUFFIX = "-narrow.svg"
NARROW = {  # every diagram drawn for a phone too (style.NARROW_WIDTH_IN wide)
    name.replace(".svg", NARROW_SUFFIX): partial(make_figure, narrow=True) for name, make_figure in ASSETS.items()
}
ASSETS.update(NARROW)


def write_assets(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make_figure in ASSETS.items():
        path = folder / name
        save_svg(make_figure(), path)
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "assets")
    for path in write_assets(target):
        print(f"wrote {path}")
