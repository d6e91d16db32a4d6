"""Turning a kept figure into bytes: PNG for live widgets, reproducible SVG for the assets."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

LIVE_DPI = 80  # a live PNG only needs screen resolution; a lower DPI keeps each slider step fast


def png_bytes(figure: Figure, dpi: int = LIVE_DPI) -> bytes:
    buffer = io.BytesIO()
    # compress_level 1: about as small as the default for flat diagrams, and several times faster to encode
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None},
                   pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def save_svg(figure: Figure, path: Path) -> None:
    """Write an SVG that is byte-for-byte the same each time: fixed hash salt, no date or creator."""
    with mpl.rc_context({"svg.hashsalt": "upperback"}):
        figure.savefig(path, format="svg", metadata={"Date": None, "Creator": None})
