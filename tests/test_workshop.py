"""Presenting: `make present` starts JupyterLab the way the browser tests check workshop mode (test_browser.py
moves every explorer in it and opens each lesson as a RISE slideshow), and each lesson's minutes agree."""

from __future__ import annotations

import itertools
import re

from harness.browser import ROOT
from harness.notebooks import cells
from upperback.models.course.lessons import LESSONS


def test_make_present_starts_jupyterlab_as_the_browser_tests_check_it():
    """The browser tests start JupyterLab with the workshop config and custom CSS, and open the Simple
    Interface; `make present` must do the same, with projector-size figures."""
    makefile = (ROOT / "Makefile").read_text()
    present = re.search(r"^present:.*?\n((?:\t.*\n)+)", makefile, flags=re.MULTILINE)[1]
    for setting in ("UPPERBACK_DATA_DIR=$$(mktemp -d", "UPPERBACK_PROJECTOR=1",
                    "JUPYTER_CONFIG_DIR=$(CURDIR)/workshop/jupyter-config",
                    "--LabApp.custom_css=True", "--LabApp.default_url=/doc/tree/notebooks/00_start_here.ipynb"):
        assert setting in present, setting


def test_each_lessons_minutes_agree_between_the_registry_the_lesson_and_the_agenda():
    guide = (ROOT / "workshop" / "FACILITATOR_GUIDE.md").read_text(encoding="utf-8")
    title_minutes = int(re.search(r"^# Facilitator guide: a (\d+)-minute workshop", guide, re.MULTILINE)[1])
    rows = re.findall(r"^\| (\d):(\d\d)–(\d):(\d\d) \| (.+?) \|", guide, flags=re.MULTILINE)
    spans = [(int(h0) * 60 + int(m0), int(h1) * 60 + int(m1), what) for h0, m0, h1, m1, what in rows]
    assert spans[0][0] == 0 and spans[-1][1] == title_minutes, "the agenda fills the workshop's minutes"
    assert all(end == next_start for (_, end, _), (next_start, _, _) in itertools.pairwise(spans)), "no gaps"
    for entry in LESSONS:
        time_line = next(line for cell in cells(entry.notebook)
                         for line in "".join(cell["source"]).splitlines() if line.startswith("**Time:**"))
        assert f"about {entry.minutes} minutes on your own, {entry.workshop_minutes} minutes in a workshop" \
            in time_line, entry.key
        taught = [end - start for start, end, what in spans if what.startswith(f"**{entry.number:02d} ")]
        assert taught in ([entry.workshop_minutes], []), entry.key  # lesson 05 is for a second session
    whats = " ".join(what for _, _, what in spans).lower()
    for part in ("arrival", "self-check 00", "self-check 01", "self-check 02", "self-check 03", "close"):
        assert part in whats, part
