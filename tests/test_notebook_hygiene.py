"""Lesson notebooks are committed clean, present as slides, describe every image and link correctly."""

import json
import re
from pathlib import Path

import pytest

from harness.notebooks import cells, sources
from tools.notebook_rules import (
    CHECK_TAG,
    HTML_IMG,
    IMAGE,
    LINK,
    NBVAL_MARKER,
    NOTEBOOK_ONLY_TAG,
    SLIDE_TYPES,
    is_checked,
    is_speaker_notes,
)
from upperback.models.course.lessons import LESSONS

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = [ROOT / "notebooks" / lesson.notebook for lesson in LESSONS]
VAGUE_ALT = {"", "image", "diagram", "figure", "picture", "chart"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_the_python3_kernel(path):
    kernelspec = json.loads(path.read_text())["metadata"]["kernelspec"]
    assert kernelspec["name"] == "python3" and kernelspec["language"] == "python"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_clean(path):
    for number, cell in enumerate(cells(path.name)):
        if cell["cell_type"] != "code":
            continue
        if is_checked(cell):
            assert cell["outputs"] and cell["execution_count"] is not None, (
                f"cell {number} is checked by nbval but has no stored output or execution count, "
                "so nbval would silently skip it"
            )
        else:
            assert cell["outputs"] == [] and cell["execution_count"] is None, (
                f"cell {number} has stored output: run `make clean-notebooks`"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_learners_see_no_test_plumbing_in_the_code(path):
    for number, cell in enumerate(cells(path.name)):
        assert NBVAL_MARKER not in "".join(cell["source"]), f"cell {number}: tag the cell instead ({CHECK_TAG})"


def test_the_checked_outputs_are_marked_by_tags():
    checked = [cell for path in NOTEBOOKS for cell in cells(path.name) if is_checked(cell)]
    assert len(checked) >= 4  # the model's numbers in 01, 02 and 03, and the example plan in 04


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_cell_carries_slide_metadata(path):
    for number, cell in enumerate(cells(path.name)):
        assert cell["metadata"].get("slideshow", {}).get("slide_type") in SLIDE_TYPES, f"cell {number}"
    assert cells(path.name)[0]["metadata"]["slideshow"]["slide_type"] == "slide", "the title opens a slide"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_image_has_alt_text_that_describes_it_and_exists(path):
    for text in sources(path.name, "markdown"):
        for image in IMAGE.finditer(text):
            alt = image["alt"].strip()
            assert alt.lower() not in VAGUE_ALT and len(alt.split()) >= 6, f"alt text too thin: {alt!r}"
            assert (path.parent / image["target"]).resolve().is_file(), image["target"]
        for tag in HTML_IMG.findall(text):
            assert re.search(r'alt="[^"]{10,}"', tag), f"<img> without alt text: {tag}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_local_link_resolves(path):
    for text in sources(path.name, "markdown"):
        for link in LINK.finditer(text):
            target = link["target"].split("#")[0]
            if not target or re.match(r"[a-z]+:", target):
                continue  # an anchor on the same page, or a web address
            assert (path.parent / target).resolve().exists(), f"{link['text']} -> {link['target']}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_follows_the_series_pattern(path):
    """The title and the minutes at the top are the registry's (tests/test_lessons.py)."""
    headings = [line for text in sources(path.name, "markdown") for line in text.splitlines() if line.startswith("#")]
    joined = "\n".join(headings).lower()
    lesson = next(entry for entry in LESSONS if entry.notebook == path.name)
    for section in ("recap", "sources", *(("self-check",) if lesson.self_check else ())):
        assert section in joined, f"no {section} section"


def test_lesson_00_puts_the_warning_signs_before_anything_else():
    """Their words are the code's (tests/test_safety_net.py); here: first, and most serious first."""
    texts = sources("00_start_here.ipynb", "markdown")
    assert "when this is not a lesson" in texts[1].lower()
    tiers = [texts[1].index(heading) for heading in ("Get emergency help now", "Stop and rest",
                                                     "Get an urgent doctor's appointment")]
    assert tiers == sorted(tiers), "most serious first"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_slideshow_uses_a_theme_that_needs_no_web_fonts(path):
    rise = json.loads(path.read_text())["metadata"].get("rise", {})
    assert rise.get("theme") in {"white", "black"}, "other reveal.js themes load fonts from the internet"


@pytest.mark.parametrize("entry", LESSONS, ids=lambda entry: entry.key)
def test_every_code_cell_imports_what_it_uses_so_a_skipped_cell_breaks_nothing(entry):
    code = [c for c in cells(entry.notebook) if c["cell_type"] == "code"]
    assert code
    for cell in code:
        source = "".join(cell["source"])
        assert source.startswith(f"from upperback.lessons import {entry.key}\n"), source
        assert len(source.splitlines()) == 2, "one import and one call: a learner sees no plumbing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_each_lesson_says_near_the_top_how_to_run_it_in_notebooks_only(path):
    """The app and its slides show no code: the how-to-run cell is tagged for notebooks and skipped on slides.
    Lesson 00 puts it after the warning signs, the others right after the title."""
    markdown_cells = [cell for cell in cells(path.name) if cell["cell_type"] == "markdown"]
    how = [number for number, cell in enumerate(markdown_cells) if "Shift + Enter" in "".join(cell["source"])]
    assert how and how[0] <= 3, "the how-to-run cell comes near the top"
    for number in how:
        assert NOTEBOOK_ONLY_TAG in markdown_cells[number]["metadata"].get("tags", []), f"cell {number}"
        assert markdown_cells[number]["metadata"]["slideshow"]["slide_type"] == "skip", f"cell {number}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_speaker_notes_are_there_for_the_presenter_and_folded_for_self_study(path):
    notes = [c for c in cells(path.name) if is_speaker_notes(c)]
    assert notes, "long explanations have speaker notes"
    for cell in notes:
        # folded twice: the input is hidden when the notebook opens, and, since Run All shows hidden
        # markdown again, the notes sit inside a closed <details> element
        assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True, "".join(cell["source"])[:60]
        source = "".join(cell["source"])
        assert source.startswith("<details><summary>Speaker notes") and source.rstrip().endswith("</details>")


GLOSSARY = {"00_start_here.ipynb": ("T1–T12",), "01_arm_carriage.ipynb": ("Hz", "centre of mass"),
            "03_posture.ipynb": ("N·m", "effective load")}


@pytest.mark.parametrize("name", sorted(GLOSSARY))
def test_jargon_is_explained_where_it_first_appears(name):
    texts = sources(name, "markdown")
    for term in GLOSSARY[name]:
        first = next(i for i, text in enumerate(texts) if term in text)
        words = [line for line in texts[first].split("\n\n") if line.startswith("*Words:*")]
        assert words and term.lower() in words[0].lower().replace("**", ""), f"{term}: no *Words:* line"
