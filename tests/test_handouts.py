"""Handouts: every lesson as standalone HTML that opens from disk with no network and shows its diagrams."""

from __future__ import annotations

import copy
import itertools
import os
import re
from pathlib import Path

import pytest

from harness.browser import ROOT, axe_faults, pdf_sheets
from upperback.delivery.handouts import export_lesson, export_workshop_pages, run_notebook
from upperback.delivery.lesson_files import lesson_notebook
from upperback.models.course.lessons import LESSONS as REGISTRY

LESSONS = [lesson.notebook.removesuffix(".ipynb") for lesson in REGISTRY]
SHOTS = ROOT / "test-artifacts" / "browser"


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two CSS rgb()/rgba() colours (a transparent background counts as white)."""
    def luminance(colour: str) -> float:
        parts = [float(x) for x in re.findall(r"[\d.]+", colour)]
        if len(parts) == 4 and parts[3] == 0:
            parts = [255, 255, 255]
        channels = [c / 255 for c in parts[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def markdown_images(lesson: str) -> int:
    return (ROOT / "notebooks" / f"{lesson}.ipynb").read_text().count("](../assets/")


@pytest.fixture(scope="module")
def handouts(tmp_path_factory, executed_lessons):
    """The handouts of the lessons as nbval executed them (``make handouts`` runs them itself)."""
    folder = tmp_path_factory.mktemp("handouts")
    for name, notebook in executed_lessons.items():
        export_lesson(copy.deepcopy(notebook), name, folder)
    export_workshop_pages(folder)
    return folder


def test_the_handouts_take_each_lesson_from_the_installed_course_not_from_beside_the_code():
    """The lessons are package data (upperback.notebooks), so the handouts work from a wheel; here (editable)
    that is this checkout's notebooks folder, file for file."""
    import nbformat

    from upperback.models.course.lessons import LESSONS

    for lesson in LESSONS:
        assert lesson_notebook(lesson.notebook) == nbformat.read(ROOT / "notebooks" / lesson.notebook, as_version=4)


def test_the_workshop_kit_comes_with_the_handouts(handouts):
    from upperback.models.course.lessons import SELF_CHECKS

    expected = {"cue_card.html", *(f"scoring_key_{check.lesson}.html" for check in SELF_CHECKS)}
    assert expected <= {path.name for path in handouts.iterdir()}
    for name in expected:
        assert not re.search(r'(src|href)="https?:', (handouts / name).read_text()), name


@pytest.mark.slow
def test_running_a_lesson_for_a_handout_leaves_this_process_and_the_learners_data_alone(tmp_path):
    import nbformat

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import os; print(os.environ['UPPERBACK_DATA_DIR'], os.environ.get('UPPERBACK_PROJECTOR'))")])
    notebook.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    before = dict(os.environ)
    os.environ["UPPERBACK_PROJECTOR"] = "1"
    try:
        ran = run_notebook(notebook, tmp_path / "throwaway")
    finally:
        os.environ.pop("UPPERBACK_PROJECTOR")
    assert dict(os.environ) == before
    assert ran.cells[0].outputs[0].text.split() == [str(tmp_path / "throwaway"), "None"]


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_handout_loads_nothing_from_the_internet(handouts, lesson):
    html = (handouts / f"{lesson}.html").read_text()
    assert not re.search(r'<script[^>]+src=', html), "no scripts to fetch"
    assert not re.search(r'<link[^>]+href="https?:', html), "no stylesheets to fetch"
    assert not re.search(r'<img[^>]+src="(?!data:)', html), "every picture is embedded"


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_handout_keeps_headings_alt_text_and_links_between_lessons(handouts, lesson):
    html = (handouts / f"{lesson}.html").read_text()
    assert re.search(r"<h1[^>]*>", html) and "Recap" in html and "Sources" in html
    images = re.findall(r"<img[^>]*>", html)
    assert len(images) >= markdown_images(lesson)
    assert all(re.search(r'alt="[^"]{20,}"', image) for image in images)
    for other in REGISTRY:
        assert f'href="{other.notebook}' not in html, "links between lessons point at the handouts"
    targets = re.findall(r'href="([^"#:]+\.html)', html)
    assert targets, "a handout links to the lessons next to it"
    for target in targets:
        assert (handouts / target).exists(), target


def test_widgets_become_printable_stand_ins(handouts):
    arms = (handouts / "01_arm_carriage.html").read_text()
    assert "Starting settings (Your height (m): 1.75" in arms  # the explorer's picture and caption
    assert "☐ Often, for much of the run" in arms  # the self-check on paper
    plan = (handouts / "04_your_plan.html").read_text()
    assert "Run check-in (copy one per run)" in plan
    assert "No self-checks saved yet" not in plan and "Your plan, on paper" in plan
    assert "Speaker notes" not in arms  # notes are for the presenter, not the handout


@pytest.mark.browser
@pytest.mark.parametrize("lesson", LESSONS)
def test_the_handout_shows_its_diagrams_in_a_browser_with_no_network(page, handouts, lesson):
    page.goto((handouts / f"{lesson}.html").as_uri())
    page.wait_for_load_state("load")
    images = page.locator("img")
    assert images.count() >= markdown_images(lesson)
    for index in range(images.count()):
        assert images.nth(index).evaluate("img => img.complete && img.naturalWidth > 0"), f"image {index}"
    for link in page.locator("a[href]").all():
        assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine"), link.inner_text()
    for selector in ("p", "li", "h1", "h2"):
        text, background = page.locator(selector).first.evaluate(
            "e => [getComputedStyle(e).color, getComputedStyle(document.body).backgroundColor]")
        assert contrast_ratio(text, background) >= 4.5, (selector, text, background)  # WCAG AA for body text
    page.screenshot(path=SHOTS / f"{Path(lesson).stem}-handout.png", full_page=False)
    assert axe_faults(page) == []


@pytest.mark.browser
def test_the_lesson_handouts_print_on_a_modest_pile_of_paper(page, handouts):
    """Measured for lessons 00–04: 36 A4 sheets before the print style sheet, 31 with it; 35 with lesson 05;
    37 once lesson 00 listed all sixteen warning signs and the check-in asked about them (#23); 41 with lesson
    06 (your experiment)."""
    sheets = {}
    for lesson in LESSONS:
        page.goto((handouts / f"{lesson}.html").as_uri())
        page.wait_for_load_state("load")
        sheets[lesson] = pdf_sheets(page.pdf(format="A4"))
    assert sum(count for lesson, count in sheets.items() if lesson[:2] <= "04") <= 33, sheets
    assert sum(sheets.values()) <= 41, sheets


@pytest.mark.parametrize("lesson", REGISTRY, ids=lambda lesson: lesson.key)
def test_the_handout_reads_well_aloud(handouts, lesson):
    """A real title, no "¶" after headings, headings that never skip a level, and each explorer's picture
    described by its own words rather than one generic sentence."""
    html = (handouts / lesson.notebook.replace(".ipynb", ".html")).read_text()
    assert re.search(r"<title>(.*?)</title>", html)[1] == f"Lesson {lesson.number:02d}: {lesson.title}"
    assert not re.search(r'<a class="anchor-link"|¶</a>', html)
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", html)]
    assert levels[0] == 1 and all(after <= before + 1 for before, after in itertools.pairwise(levels)), levels
    stand_ins = [re.search(r'alt="([^"]*)"', tag)[1] for tag in re.findall(r"<img[^>]*>", html)
                 if "data:image/png" in tag]  # the explorers' pictures (the diagrams are SVG)
    assert len(stand_ins) == len(lesson.explorers)
    assert all(len(alt.split()) >= 8 and "starting settings; its text follows" not in alt for alt in stand_ins)
    assert len(set(stand_ins)) == len(stand_ins)
