"""Where the installed course keeps the lessons' own files: the notebooks (package data ``upperback.notebooks``,
the repository's notebooks/ folder) and the diagrams they show (``upperback.diagrams``, its assets/ folder).
Found through the package, so the app, the handouts and a hub work from a wheel as from a checkout."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import nbformat

DIAGRAMS = Path(str(files("upperback.diagrams")))
LESSON_ASSET_PREFIX = "../assets/"  # how every lesson notebook names a diagram


def lesson_notebook(name: str):
    """The lesson notebook ``name`` (e.g. 00_start_here.ipynb) as the course installed it."""
    try:
        lessons = files("upperback.notebooks")  # a wheel (a hub, pip install .): the package's own copy
    except ModuleNotFoundError:  # an editable install (make lab) maps no folder without __init__.py: the checkout
        lessons = Path(__file__).resolve().parents[2] / "notebooks"
    return nbformat.reads(lessons.joinpath(name).read_text(encoding="utf-8"), as_version=4)


def lesson_diagram(url: str) -> Path | None:
    """The course diagram a lesson's image address names, if it is one."""
    if not url.startswith(LESSON_ASSET_PREFIX):
        return None
    path = DIAGRAMS / url.removeprefix(LESSON_ASSET_PREFIX)
    return path if path.parent == DIAGRAMS and path.suffix == ".svg" and path.is_file() else None
