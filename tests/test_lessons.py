"""The lesson registry is the one place a lesson's facts are written, and it agrees with the notebooks."""

import re
from pathlib import Path

import pytest

from harness.notebooks import sources
from upperback.models.course.lessons import LESSONS, lesson

ROOT = Path(__file__).resolve().parents[1]


def test_every_notebook_on_disk_is_a_lesson_in_the_registry_and_the_other_way_round():
    on_disk = sorted(path.name for path in (ROOT / "notebooks").glob("*.ipynb"))
    assert on_disk == sorted(entry.notebook for entry in LESSONS)


def test_lessons_are_numbered_in_order_from_00():
    assert [entry.number for entry in LESSONS] == list(range(len(LESSONS)))
    assert LESSONS[0].notebook == "00_start_here.ipynb"


@pytest.mark.parametrize("entry", LESSONS, ids=lambda entry: entry.key)
def test_the_notebook_opens_with_the_registrys_title_and_time(entry):
    opening = sources(entry.notebook, "markdown")[0]
    title = opening.splitlines()[0]
    assert title.startswith("# ") and entry.title.lower() in title.lower(), title
    assert f"In about {entry.minutes} minutes" in opening


@pytest.mark.parametrize("entry", [e for e in LESSONS if e.cues_heading], ids=lambda entry: entry.key)
def test_the_heading_the_plan_links_to_exists_with_that_anchor(entry):
    headings = [line.lstrip("#").strip() for text in sources(entry.notebook, "markdown") for line in text.splitlines()
                if line.startswith("## ")]
    anchors = {"#" + re.sub(r"\s", "-", heading) for heading in headings}  # how JupyterLab names a heading
    assert entry.cues_anchor in anchors, (entry.cues_anchor, headings)


@pytest.mark.parametrize("entry", LESSONS, ids=lambda entry: entry.key)
def test_the_notebook_shows_exactly_the_registrys_explorers_and_self_check(entry):
    """Each code cell imports the lesson's façade (tests/test_notebook_hygiene.py); here: what it calls."""
    code = "\n".join(sources(entry.notebook, "code"))
    shown = re.findall(rf"\b{entry.key}\.(explore_\w+)\(", code)
    assert tuple(shown) == entry.explorers
    assert (f"{entry.key}.self_check()" in code) == (entry.self_check is not None)


def test_an_unknown_lesson_is_refused_in_words():
    assert lesson("posture").label == "lesson 03"
    with pytest.raises(ValueError, match="There is no lesson called 'knees'"):
        lesson("knees")
