"""The code-free app (Voilà, `make app`) and the live slides (`make slides`), in headless Chromium.

Every lesson opens from the start page with no code and no widget errors, axe-core finds no serious or
critical fault, every slider changes its picture, every self-check is answered by keyboard and saved to the
learner's data folder. As slides (1280x720), Space moves on, each explorer fits its slide, and a slider
moved by keyboard never changes the slide. Any request off this machine fails the test (the `page` fixture).
Screenshots go to test-artifacts/app/.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from harness.browser import (
    ROOT,
    answer_by_keyboard_alone,
    axe_faults,
    move_each_slider,
    record_websocket_frames_sent,
    upload_an_ultra_and_a_file_too_big,
)
from harness.notebooks import sources
from upperback.models.course.lessons import BY_KEY, LESSONS

SHOTS = ROOT / "test-artifacts" / "app"
THE_SLIDE = "() => location.hash"
PRESENT = "section.present:not(.stack)"

pytestmark = pytest.mark.browser


def code_cells_calling(lesson, call: str) -> int:
    return sum(call in source for source in sources(lesson.notebook, "code"))


def open_lesson(page, base, lesson, template=""):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{base}/voila/render/{lesson.notebook}" + (f"?template={template}" if template else ""))
    page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)  # every cell has run


def test_the_start_page_lists_every_lesson_in_order(page, app):
    base, _ = app
    page.goto(base + "/")
    links = page.locator(".course-lessons a")
    assert [link.get_attribute("href") for link in links.all()] == [
        f"/voila/render/{lesson.notebook}" for lesson in LESSONS]
    assert links.first.inner_text() == "Lesson 00: Start here"
    assert axe_faults(page) == []
    links.nth(1).click()
    page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)
    assert "Lesson 01" in page.locator("h1").first.inner_text()


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.notebook)
def test_each_lesson_works_as_a_page_with_no_code(page, app, lesson):
    base, data = app
    SHOTS.mkdir(parents=True, exist_ok=True)
    open_lesson(page, base, lesson)
    text = page.locator("#rendered_cells").inner_text()
    assert "from upperback" not in text and "Shift + Enter" not in text, "code or how-to-run text shows"
    assert "Speaker notes" not in text, "speaker notes are for presenters, in the slides' speaker view"
    assert page.get_by_text("Error displaying widget").count() == 0
    explorers = page.locator(".upperback-explorer")
    expected = code_cells_calling(lesson, ".explore_")
    page.wait_for_function("n => document.querySelectorAll('.upperback-explorer').length >= n", arg=expected)
    assert explorers.count() == expected
    page.screenshot(path=SHOTS / f"{Path(lesson.notebook).stem}-top.png")
    assert axe_faults(page, "#rendered_cells") == []
    for explorer in explorers.all():
        explorer.scroll_into_view_if_needed()
        move_each_slider(page, explorer, unchanged="() => location.href")
    forms = page.locator(".upperback-selfcheck")
    assert forms.count() == code_cells_calling(lesson, ".self_check(")
    for form in forms.all():
        form.scroll_into_view_if_needed()
        answer_by_keyboard_alone(page, form, unchanged="() => location.href")
        form.locator(".upperback-feedback").get_by_text("not a diagnosis").wait_for()
        page.screenshot(path=SHOTS / f"{Path(lesson.notebook).stem}-selfcheck.png")
        saved = json.loads((data / "answers.json").read_text())
        assert lesson.key in json.dumps(saved), f"{lesson.key} answers were not saved to the data folder"


def test_lesson_05_in_the_app_imports_a_16_hour_gpx_and_refuses_a_60_mb_file_before_sending_it(page, app, tmp_path):
    """The upload button in the app (standalone Voila, as `make app` serves it): the same as in JupyterLab."""
    base, _ = app
    SHOTS.mkdir(parents=True, exist_ok=True)
    sent = record_websocket_frames_sent(page)
    open_lesson(page, base, next(lesson for lesson in LESSONS if lesson.notebook == "05_your_runs.ipynb"))
    runs = page.locator(".upperback-runs")
    runs.scroll_into_view_if_needed()
    upload_an_ultra_and_a_file_too_big(page, runs, tmp_path, sent, SHOTS)


EXPLORER_SLIDES = """() => {
    const columns = [...document.querySelectorAll('.reveal .slides > section')];
    return [...document.querySelectorAll('.upperback-explorer')].map(explorer => {
        const slide = explorer.closest('section'), column = slide.parentElement.closest('section');
        return column ? `#/${columns.indexOf(column)}/${[...column.children].indexOf(slide)}`
                      : `#/${columns.indexOf(slide)}`;
    });
}"""


@pytest.mark.parametrize("lesson", [lesson for lesson in LESSONS if code_cells_calling(lesson, ".explore_")],
                         ids=lambda lesson: lesson.notebook)
def test_each_lesson_presents_as_slides_with_live_explorers(page, app, lesson):
    base, _ = app
    SHOTS.mkdir(parents=True, exist_ok=True)
    open_lesson(page, base, lesson, template="course-slides")
    page.wait_for_selector(".reveal.ready")
    assert page.locator("aside.notes").count() >= 1, "speaker notes go to reveal's speaker view"
    assert page.locator("aside.notes details:not([open])").count() == 0, "the speaker view shows them unfolded"
    first = page.evaluate(THE_SLIDE)
    page.keyboard.press("Space")  # the presenter's clicker: the next slide
    page.wait_for_function("first => location.hash !== first", arg=first)
    expected = code_cells_calling(lesson, ".explore_")
    page.wait_for_function("n => document.querySelectorAll('.upperback-explorer').length >= n", arg=expected)
    slides = page.evaluate(EXPLORER_SLIDES)
    assert len(slides) == expected
    for slide in dict.fromkeys(slides):
        page.evaluate("slide => { location.hash = slide; }", slide)
        page.wait_for_selector(f"{PRESENT} .upperback-explorer")
        page.wait_for_timeout(250)  # the slide settles (transitions are off)
        page.screenshot(path=SHOTS / f"{Path(lesson.notebook).stem}-slide-{slide.replace('#/', '').replace('/', '-')}.png")
        for explorer in page.locator(f"{PRESENT} .upperback-explorer").all():
            box = explorer.bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= 720, f"an explorer runs off slide {slide}"
            move_each_slider(page, explorer, unchanged=THE_SLIDE)
        assert axe_faults(page, PRESENT) == []


def test_the_speaker_view_shows_the_notes_of_the_slide(page, app):
    """S opens reveal's speaker view (a pop-up window, built in the page: nothing is fetched) with the notes."""
    base, _ = app
    lesson = LESSONS[1]
    open_lesson(page, base, lesson, template="course-slides")
    page.wait_for_selector(".reveal.ready")
    while not page.locator(f"{PRESENT} aside.notes").count():
        page.keyboard.press("Space")
        page.wait_for_timeout(150)
    notes = max(page.locator(f"{PRESENT} aside.notes").text_content().split("\n"), key=len).strip()
    assert len(notes) > 40, notes
    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.get_by_text(notes[:60]).wait_for()
    speaker.screenshot(path=SHOTS / "speaker-view.png")


@pytest.mark.parametrize("template", ["", "course-slides"], ids=["page", "slides"])
def test_leaving_a_page_shuts_its_kernel_down(page, app, template):
    """Voilà asks the server to end a page's kernel when the page is left; that request must be accepted. It
    was refused for want of an _xsrf cookie (unless the start page had set one), so each lesson opened
    straight from a link left a kernel of ~100 MiB running."""
    base, data = app
    log = data.parent / "app.log"

    def running() -> int:
        text = log.read_text()
        return text.count("Kernel started:") - text.count("Kernel shutdown:")

    page.context.clear_cookies()  # as a learner arriving from a link, not from the start page
    before = running()
    for _ in range(5):
        open_lesson(page, base, LESSONS[4], template)  # lesson 04: no explorer, quick to open
        page.goto(f"{base}/voila/static/voila.js")  # left for another page of the site (it sets no cookie)
    deadline = time.monotonic() + 20
    while running() > before and time.monotonic() < deadline:
        time.sleep(0.25)
    assert running() <= before, f"{running() - before} kernels were left running by 5 page views"
    assert "'_xsrf' argument missing" not in log.read_text()


def test_an_experiment_is_planned_and_checked_in_with_the_keyboard_alone(page, app):
    """Lesson 06 in the app, no mouse: choose the change, leave six pairs, start; the check-in then says which
    run comes next and asks whether the change was used; axe finds nothing serious."""
    base, data = app
    open_lesson(page, base, BY_KEY["your_experiment"])
    view = page.locator(".upperback-experiment")
    view.scroll_into_view_if_needed()
    change = view.get_by_role("combobox", name="The change to test")
    change.focus()
    page.keyboard.press("ArrowDown")  # the first change
    assert change.evaluate("select => select.selectedIndex") >= 0
    page.keyboard.press("Tab")  # to the pairs slider
    assert page.evaluate("() => document.activeElement.type") == "range"
    page.keyboard.press("Tab")
    start = view.get_by_role("button", name="Start my experiment")
    assert start.evaluate("button => button === document.activeElement"), "Tab leads on to Start"
    page.keyboard.press("Space")
    view.get_by_text("Started. Check in after each run").wait_for()
    view.get_by_text("Next: run 1 of 12").wait_for()
    page.reload()  # a new page view reads the experiment back from the data folder
    page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)
    form = page.locator(".upperback-checkin")
    form.get_by_text("this check-in is run 1 of 12").wait_for()
    assert form.get_by_role("group", name="Did you use the change on this run?").count() == 1
    form.screenshot(path=SHOTS / "06_your_experiment-check-in.png")
    view.screenshot(path=SHOTS / "06_your_experiment-started.png")
    assert axe_faults(page, "#rendered_cells") == []
    (data / "experiments.jsonl").unlink()  # the other tests of this app see no experiment going
