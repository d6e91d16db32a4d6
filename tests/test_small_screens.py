"""The code-free app (Voilà, as `make app` serves it) on a laptop (1280x800) and a phone (390x844, touch).

Each lesson opens once per screen and is checked whole on that one page: no code shows and no widget fails;
every control is a target at least 24x24 CSS px that overlaps no other (WCAG 2.2, 2.5.8), each slider's thumb
too (measured in the pixels); nothing sticks out at the right, unless it sits in a frame that scrolls with a
scrollbar that shows; printed numbers never break inside a word, nor a number from its unit in a table;
axe-core finds no serious or critical fault; every slider changes its picture. On the laptop every self-check
is answered by keyboard alone and saved; on the phone every explorer picture and diagram comes in its narrow
layout, its words readable as shown. A button's answer, appearing below it, comes into view and is read out. A
slider's readout never moves its track. Nothing is fetched from outside this machine
(``page_on_this_machine``). Screenshots go to test-artifacts/app/screens/.
"""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path

import numpy
import pytest
from PIL import Image

from harness.browser import (
    CHROMIUM_FLAGS,
    ROOT,
    answer_by_keyboard_alone,
    app_server,
    axe_faults,
    browser_for_tests_or_skip,
    move_each_slider,
    page_on_this_machine,
)
from harness.legibility import smallest_text_points
from harness.notebooks import code_cells_calling
from upperback.figures import style
from upperback.figures.assets import ASSETS, NARROW, NARROW_SUFFIX
from upperback.figures.rendering import NARROW_DPI, data_uri
from upperback.lessons.explorers import EXPLORERS, explorer_name
from upperback.models.course.lessons import LESSONS
from upperback.models.records.checkin_log import validate_check_in
from upperback.models.records.watch_files import read_run
from upperback.storage.checkins import CheckInLog
from upperback.storage.runs import RunStore
from upperback.widgets.run_import import SAMPLE_FILES, SAMPLES

SHOTS = ROOT / "test-artifacts" / "app" / "screens"
SCREENS = {
    "laptop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
              "device_scale_factor": 3},
}
TARGET_PX = 24  # WCAG 2.2, 2.5.8 Target Size (Minimum)
THUMB_RGB = (0x0B, 0x53, 0x94)  # a slider's thumb (course.css)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def scrollbars_shown(browser):
    """Scrollbars drawn, as a learner's browser draws them: Playwright's headless Chromium hides every scrollbar,
    so whether a frame shows one could not be seen. Same browser, same flags, scrollbars drawn."""
    chromium = browser.browser_type.launch(executable_path=browser_for_tests_or_skip(), headless=True,
                                           args=CHROMIUM_FLAGS, ignore_default_args=["--hide-scrollbars"])
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def lived_in_app(tmp_path_factory, browser):
    """The app with a learner data folder that has a log (notes of a full sentence) and an imported run."""
    home = tmp_path_factory.mktemp("small-screens")
    data = home / "learner-data"
    log = CheckInLog(data)
    for days_ago in (3, 2, 1):
        log.append(validate_check_in({
            "run_date": (date.today() - timedelta(days=days_ago)).isoformat(), "minutes": "35", "km": "6.5",
            "ache": 3, "regions": ["between_blades", "shoulder_tops"], "started": "tired", "noticed": ["arms"],
            "changed": ["shake_out", "arms_beside"], "helped": "a_little", "warning": "none",
            "note": "Tight after the long hill; shook my arms out twice and it eased by the river"}))
    RunStore(data).save(read_run((SAMPLES / SAMPLE_FILES[0]).read_bytes(), SAMPLE_FILES[0]))
    with app_server(home, data) as base:
        yield base, data


def open_lesson_on(page, base, lesson):
    page.goto(f"{base}/voila/render/{lesson.notebook}")
    page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)
    for kind, call in (("explorer", ".explore_"), ("selfcheck", ".self_check(")):
        page.wait_for_function("([selector, n]) => document.querySelectorAll(selector).length >= n",
                               arg=[f".upperback-{kind}", code_cells_calling(lesson, call)])
    page.wait_for_timeout(500)  # the widgets' styles applied, the pictures laid out


TARGETS = """root => {
    const shown = el => el.checkVisibility({visibilityProperty: true}) && el.getBoundingClientRect().width > 0;
    return [...root.querySelectorAll('input:not([type=hidden]), button, select, textarea, summary')].filter(shown)
        .map(el => { const r = el.getBoundingClientRect();
            const name = (el.labels && el.labels[0] ? el.labels[0].textContent : el.textContent || el.title || '');
            return {what: `${el.tagName.toLowerCase()} ${el.type || ''} "${name.trim().slice(0, 40)}"`,
                    left: r.left, top: r.top, right: r.right, bottom: r.bottom}; });
}"""

# Each element's right edge against the nearest box that clips it (the viewport for the page's own
# scroller): past it, it is cut off, unless that box scrolls sideways with a scrollbar that takes room
# (a phone's plain scrollbar shows only while it moves; offsetHeight - clientHeight counts a drawn one).
CUT_OFF = """root => {
    const page = document.querySelector('#rendered_cells');
    const cut = [];
    for (const el of root.querySelectorAll('*')) {
        if (!el.checkVisibility({visibilityProperty: true})) continue;
        const right = el.getBoundingClientRect().right;
        let clipper = el.parentElement;
        while (clipper && clipper !== page && getComputedStyle(clipper).overflowX === 'visible') clipper = clipper.parentElement;
        const page_edge = !clipper || clipper === page;
        const edge = page_edge ? document.documentElement.clientWidth
            : clipper.getBoundingClientRect().left + clipper.clientLeft + clipper.clientWidth;
        if (right <= edge + 1) continue;
        if (!page_edge) {
            const style = getComputedStyle(clipper);
            const bar = clipper.offsetHeight - clipper.clientHeight - parseFloat(style.borderTopWidth)
                - parseFloat(style.borderBottomWidth);
            if (/auto|scroll/.test(style.overflowX) && clipper.scrollWidth > clipper.clientWidth && bar > 0) continue;
        }
        cut.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 40)}" `
                 + `ends at ${right.toFixed(0)} px, its frame at ${edge.toFixed(0)} px`);
    }
    return cut;
}"""

# A box that scrolls up and down inside the page: its content taller than the room it was given (a control
# grown taller than its row), a second scrollbar for a learner to find.
SCROLLING_INSIDE = """root => [...root.querySelectorAll('*')]
    .filter(el => el.checkVisibility() && /auto|scroll/.test(getComputedStyle(el).overflowY)
                  && el.scrollHeight > el.clientHeight + 1)
    .map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 40)}": `
               + `${el.scrollHeight} px in ${el.clientHeight}`)"""

# A word split over two lines has two boxes on different lines: in printed text and in the lessons' number
# tables, where a number and its unit, joined by a no-break space, count as one word ("0.0 cm", not "0.0 / cm").
BROKEN_WORDS = """root => {
    const broken = [];
    for (const block of root.querySelectorAll('.jp-OutputArea-output :is(pre, th, td)')) {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.data.matchAll(/[^ \\t\\n]+/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                if (new Set([...range.getClientRects()].map(box => Math.round(box.top))).size > 1) broken.push(word[0]);
            }
        }
    }
    return broken;
}"""


def overlapping(targets: list[dict]) -> list[str]:
    return [f"{a['what']} and {b['what']}" for i, a in enumerate(targets) for b in targets[i + 1:]
            if min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5]


def thumb_size_px(handle, scale: float) -> tuple[float, float]:
    """The width and height of the slider's thumb in CSS px, from the pixels of a screenshot of the slider."""
    pixels = numpy.asarray(Image.open(io.BytesIO(handle.screenshot())).convert("RGB"), dtype=int)
    ys, xs = numpy.nonzero((abs(pixels - THUMB_RGB) <= 24).all(axis=2))
    if not xs.size:
        return 0.0, 0.0
    return float(xs.max() - xs.min() + 1) / scale, float(ys.max() - ys.min() + 1) / scale


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.notebook[:2])
def test_each_lesson_works_as_a_page_with_no_code(scrollbars_shown, lived_in_app, lesson, screen):
    """One page view per lesson and screen (each costs a kernel running the whole lesson): what shows first,
    then the sliders moved, a button pressed at the bottom of the window, then (laptop) the self-checks
    answered by keyboard or (phone) the wide layout back on a wide screen."""
    base, data = lived_in_app
    SHOTS.mkdir(parents=True, exist_ok=True)
    with page_on_this_machine(scrollbars_shown, **SCREENS[screen]) as page:
        open_lesson_on(page, base, lesson)
        root = page.locator("#rendered_cells")
        text = root.inner_text()
        assert "from upperback" not in text and "Shift + Enter" not in text, "code or how-to-run text shows"
        assert "Speaker notes" not in text, "speaker notes are for presenters, in the slides' speaker view"
        assert page.get_by_text("Error displaying widget").count() == 0
        assert root.locator(".upperback-explorer").count() == code_cells_calling(lesson, ".explore_")
        assert root.locator(".upperback-selfcheck").count() == code_cells_calling(lesson, ".self_check(")
        if screen == "phone":
            assert_pictures_drawn_for_a_phone(page, lesson)
        targets_to_touch_and_nothing_cut_off(page, root, SCREENS[screen].get("device_scale_factor", 1))
        page.screenshot(path=SHOTS / f"{Path(lesson.notebook).stem}-{screen}.png")
        assert axe_faults(page, "#rendered_cells") == []
        explorers = root.locator(".upperback-explorer").all()
        for explorer in explorers if screen == "laptop" else explorers[:1]:
            explorer.scroll_into_view_if_needed()
            move_each_slider(page, explorer, unchanged="() => location.href")  # on a phone: narrow ones sent ahead
        if lesson.key == "start_here":
            assert_the_show_sliders_track_stays_put(page, screen)
        press_at_the_bottom_of_the_window(page, lesson, screen)
        if screen == "phone":
            assert_the_wide_layout_comes_back(page)
            return
        for form in root.locator(".upperback-selfcheck").all():
            form.scroll_into_view_if_needed()
            answer_by_keyboard_alone(page, form, unchanged="() => location.href")
            form.locator(".upperback-feedback").get_by_text("not a diagnosis").wait_for()
            page.screenshot(path=SHOTS / f"{Path(lesson.notebook).stem}-selfcheck.png")
            saved = json.loads((data / "answers.json").read_text())
            assert lesson.key in json.dumps(saved), f"{lesson.key} answers were not saved to the data folder"


def targets_to_touch_and_nothing_cut_off(page, root, scale: float) -> None:
    targets = root.evaluate(TARGETS)
    small = [f"{t['what']}: {t['right'] - t['left']:.0f}x{t['bottom'] - t['top']:.0f}" for t in targets
             if min(t["right"] - t["left"], t["bottom"] - t["top"]) < TARGET_PX - 0.5]
    assert small == [], f"targets under {TARGET_PX}x{TARGET_PX} CSS px"
    assert overlapping(targets) == [], "targets on top of each other"
    for handle in root.locator("input[type=range]").all():
        handle.scroll_into_view_if_needed()
        width, height = thumb_size_px(handle, scale)
        assert min(width, height) >= TARGET_PX, f"{handle.get_attribute('aria-valuetext')}: {width}x{height}"
    assert root.evaluate(CUT_OFF) == [], "cut off at the right"
    assert root.evaluate(SCROLLING_INSIDE) == [], "a box scrolls up and down inside the page"
    assert root.evaluate(BROKEN_WORDS) == [], "printed words broken over two lines"
    page.evaluate("() => window.scrollTo(0, 0)")


# Every diagram and explorer picture of a page: what is shown (CSS px wide), its drawn width in inches (an SVG
# is drawn 96 CSS px an inch; a PNG at its dpi) and which picture it is (a diagram's own address).
PICTURES = """() => [...document.querySelectorAll('#rendered_cells .jp-RenderedMarkdown img,'
                                            + ' #rendered_cells .upperback-explorer .upperback-picture img')]
  .filter(img => img.naturalWidth > 0)
  .map(img => ({diagram: img.closest('.upperback-explorer') ? null : img.currentSrc, alt: img.alt,
                natural: img.naturalWidth, shown: img.getBoundingClientRect().width}))"""
NARROW_PX = round(style.NARROW_WIDTH_IN * NARROW_DPI)  # an explorer's narrow picture, in pixels


def smallest_words_px(picture, points: float, drawn_px_per_inch: float) -> float:
    """The smallest words' size as shown: points x shown width / (72 x the drawn width in inches)."""
    return points * picture["shown"] / (72 * picture["natural"] / drawn_px_per_inch)


def assert_pictures_drawn_for_a_phone(page, lesson) -> None:
    """Every explorer picture comes in its narrow layout, and every diagram is shown in its own (<picture>),
    so no word in them is under 11 CSS px as shown. (The charts of lessons 04-06, drawn from the learner's own
    records, are held to the same in test_app.)"""
    page.wait_for_function(  # each explorer measured its width and the kernel sent the narrow picture
        "([n, px]) => [...document.querySelectorAll('.upperback-explorer .upperback-picture img')]"
        ".filter(img => img.naturalWidth === px).length >= n", arg=[len(lesson.explorers), NARROW_PX])
    pictures = page.evaluate(PICTURES)
    explorers = [picture for picture in pictures if picture["diagram"] is None]
    assert len(explorers) == len(lesson.explorers)
    for function_name, picture in zip(lesson.explorers, explorers):
        explorer = EXPLORERS[explorer_name(lesson, function_name)]()
        narrow = explorer.figure.narrow()
        narrow.update(**explorer.values())  # its labels too, as the page shows them
        assert picture["natural"] == NARROW_PX, function_name
        assert smallest_words_px(picture, smallest_text_points(narrow.figure), NARROW_DPI) >= style.SMALLEST_TEXT_PX
    addresses = {data_uri(ROOT / "assets" / name): name for name in ASSETS}
    for picture in (picture for picture in pictures if picture["diagram"] is not None):
        name = addresses.get(picture["diagram"])
        assert name is not None and name.endswith(NARROW_SUFFIX), f"not a diagram's narrow layout: {picture['alt']}"
        points = smallest_text_points(NARROW[name]())
        assert smallest_words_px(picture, points, 96) >= style.SMALLEST_TEXT_PX, name


def assert_the_wide_layout_comes_back(page) -> None:
    """A key press on a phone kept the narrow layout; a wide screen again brings the wide one back."""
    image = page.locator(".upperback-explorer .upperback-picture img").first
    if not image.count():
        return
    assert image.evaluate("img => img.naturalWidth") == NARROW_PX, "a key press brought back the wide layout"
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function(f"img => img.naturalWidth > 0 && img.naturalWidth !== {NARROW_PX}",
                           arg=image.element_handle())


def bottom_of_the_window(button) -> None:
    """Scroll so the button is the last thing in the window, as when a learner has just reached it."""
    button.evaluate("button => button.scrollIntoView({block: 'end'})")


def assert_in_view_and_read_out(page, area, words: str) -> None:
    said = area.get_by_role("status").filter(has_text=words)
    said.wait_for()
    top, bottom, height = said.evaluate("el => { const r = el.getBoundingClientRect(); "
                                        "return [r.top, r.bottom, window.innerHeight]; }")
    assert 0 <= top < height, f"'{words}' is out of sight ({top:.0f} px from the top of a {height} px window)"
    assert bottom <= height + 1 or top <= 1, f"'{words}' is cut by the bottom of the window"


# The button each lesson's test presses at the bottom of the window: (its area, its name, what it says).
BUTTONS = {"start_here": (".upperback-selfcheck", "Check my answers", "not a diagnosis"),
           "your_plan": (".upperback-checkin", "Save this check-in", "Not saved yet"),
           "your_experiment": (".upperback-experiment", "Start my experiment", "Choose the change to test first.")}


def press_at_the_bottom_of_the_window(page, lesson, screen: str) -> None:
    """Self-check (lesson 00, first options chosen), check-in (lesson 04) and experiment (lesson 06): the button
    is the last thing in the window when pressed; its answer appears below it, in a live region, and is
    brought into view."""
    if lesson.key not in BUTTONS:
        return
    where, name, words = BUTTONS[lesson.key]
    area = page.locator(where).first
    press = (lambda target: target.tap()) if screen == "phone" else (lambda target: target.click())
    for question in area.get_by_role("group").all() if lesson.key == "start_here" else []:
        first = question.get_by_role("radio").first
        first.scroll_into_view_if_needed()
        press(first)
    button = area.get_by_role("button", name=name)
    bottom_of_the_window(button)
    press(button)
    assert_in_view_and_read_out(page, area, words)
    page.screenshot(path=SHOTS / f"{Path(lesson.notebook).stem}-feedback-{screen}.png")


def assert_the_show_sliders_track_stays_put(page, screen: str) -> None:
    """Lesson 00's "Show" picker, step by step to its end: its track never moves (its readout, "whole area"
    to "upper and middle spine", wrapped at the last step and pushed the track under the pointer)."""
    handle = page.get_by_role("slider", name="Show")
    handle.scroll_into_view_if_needed()
    where = "input => { const r = input.getBoundingClientRect(); return [r.left, r.top, r.width]; }"
    readout = "input => input.parentElement.querySelector('output').getBoundingClientRect().height"
    first, first_readout = handle.evaluate(where), handle.evaluate(readout)
    handle.focus()
    steps = handle.evaluate("input => Number(input.max) - Number(input.value)")
    assert steps >= 3
    for _ in range(steps):
        before = handle.get_attribute("aria-valuetext")
        handle.press("ArrowRight")
        page.wait_for_function("([input, before]) => input.getAttribute('aria-valuetext') !== before",
                               arg=[handle.element_handle(), before])
        assert handle.evaluate(where) == pytest.approx(first, abs=0.5), handle.get_attribute("aria-valuetext")
        assert handle.evaluate(readout) == pytest.approx(first_readout, abs=0.5), "the readout wrapped"
    handle.locator("xpath=..").screenshot(path=SHOTS / f"00_start_here-show-slider-at-its-end-{screen}.png")
