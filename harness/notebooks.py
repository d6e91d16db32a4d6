"""A lesson notebook's cells as saved (its JSON, metadata and all), for the tests that read what the lessons
hold: the registry's, the hygiene's, the workshop's and the app's."""

from __future__ import annotations

import json
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def cells(notebook: str) -> list[dict]:
    """The cells of the lesson ``notebook`` (its file name in notebooks/)."""
    return json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))["cells"]


def sources(notebook: str, kind: str) -> list[str]:
    """The text of each cell of ``kind`` ("markdown" or "code"), in order."""
    return ["".join(cell["source"]) for cell in cells(notebook) if cell["cell_type"] == kind]


def code_cells_calling(lesson, call: str) -> int:
    """How many code cells of ``lesson`` (a registry entry) make ``call``."""
    return sum(call in source for source in sources(lesson.notebook, "code"))
