"""What a committed lesson notebook must look like; shared by the cleaner and the hygiene test."""

from __future__ import annotations

import re

NBVAL_MARKER = "# NBVAL_"  # nbval's comment markers: learners would read them, so cells carry tags instead
CHECK_TAG = "nbval-check-output"
NOTEBOOK_ONLY_TAG = "notebook-only"  # how to run cells: the app (Voila) and its slides leave these cells out
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<target>[^)\s]+)\)")
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def is_checked(cell) -> bool:
    """A code cell whose stored output nbval compares."""
    return cell.get("cell_type") == "code" and CHECK_TAG in cell.get("metadata", {}).get("tags", [])


def is_speaker_notes(cell) -> bool:
    """A cell for the presenter: RISE shows it in the speaker view, JupyterLab shows it folded."""
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes"
