"""The code-free app (Voilà, as `make app` serves it) on a laptop (1280x800) and a phone (390x844, touch).

Every control is a target at least 24x24 CSS px that overlaps no other (WCAG 2.2, 2.5.8), each slider's thumb
too (measured in the pixels); nothing sticks out at the right, unless it sits in a frame that scrolls with a
scrollbar that shows; printed numbers never break inside a word. A button's answer, appearing below it,
comes into view and is read out. A slider's readout never moves its track. Nothing is fetched from outside
this machine (``page_on_this_machine``). Screenshots go to test-artifacts/app/screens/.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image

from harness.browser import (
    CHROMIUM_FLAGS,
    ROOT,
    app_server,
    axe_faults,
    chromium_or_skip,
    page_on_this_machine,
)
from harness.notebooks import code_cells_calling
from upperback.models.course.lessons import BY_KEY, LESSONS
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
    """Chromium as a learner has it: Playwright's headless Chromium hides every scrollbar, so whether a frame
    shows one could not be seen. Same Playwright, same flags, scrollbars drawn."""
    chromium = browser.browser_type.launch(executable_path=chromium_or_skip(), headless=True, args=CHROMIUM_FLAGS,
                                           ignore_default_args=["--hide-scrollbars"])
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
        yield base


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

# A word split over two lines has two boxes on different lines.
BROKEN_WORDS = """root => {
    const broken = [];
    for (const pre of root.querySelectorAll('.jp-OutputArea-output pre')) {
        const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.data.matchAll(/\\S+/g)) {
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
    image = Image.open(io.BytesIO(handle.screenshot())).convert("RGB")
    pixels = image.load()
    xs, ys = [], []
    for x in range(image.width):
        for y in range(image.height):
            if all(abs(c - t) <= 24 for c, t in zip(pixels[x, y], THUMB_RGB)):
                xs.append(x)
                ys.append(y)
    if not xs:
        return 0.0, 0.0
    return (max(xs) - min(xs) + 1) / scale, (max(ys) - min(ys) + 1) / scale


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.notebook[:2])
def test_every_lesson_has_targets_to_touch_and_nothing_cut_off(scrollbars_shown, lived_in_app, lesson, screen):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with page_on_this_machine(scrollbars_shown, **SCREENS[screen]) as page:
        open_lesson_on(page, lived_in_app, lesson)
        root = page.locator("#rendered_cells")
        targets = root.evaluate(TARGETS)
        small = [f"{t['what']}: {t['right'] - t['left']:.0f}x{t['bottom'] - t['top']:.0f}" for t in targets
                 if min(t["right"] - t["left"], t["bottom"] - t["top"]) < TARGET_PX - 0.5]
        assert small == [], f"targets under {TARGET_PX}x{TARGET_PX} CSS px"
        assert overlapping(targets) == [], "targets on top of each other"
        scale = SCREENS[screen].get("device_scale_factor", 1)
        for handle in root.locator("input[type=range]").all():
            handle.scroll_into_view_if_needed()
            width, height = thumb_size_px(handle, scale)
            assert min(width, height) >= TARGET_PX, f"{handle.get_attribute('aria-valuetext')}: {width}x{height}"
        assert root.evaluate(CUT_OFF) == [], "cut off at the right"
        assert root.evaluate(SCROLLING_INSIDE) == [], "a box scrolls up and down inside the page"
        assert root.evaluate(BROKEN_WORDS) == [], "printed words broken over two lines"
        page.screenshot(path=SHOTS / f"{Path(lesson.notebook).stem}-{screen}.png")
        assert axe_faults(page, "#rendered_cells") == []


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


@pytest.mark.parametrize("screen", SCREENS)
def test_what_a_button_says_comes_into_view_and_is_read_out(scrollbars_shown, lived_in_app, screen):
    """Self-check (lesson 00), check-in (lesson 04) and experiment (lesson 06): each button pressed at the
    bottom of the window; its answer appears below it, in a live region, and is brought into view."""
    touch = screen == "phone"
    with page_on_this_machine(scrollbars_shown, **SCREENS[screen]) as page:
        open_lesson_on(page, lived_in_app, BY_KEY["start_here"])
        form = page.locator(".upperback-selfcheck").first
        for question in form.get_by_role("group").all():
            first = question.get_by_role("radio").first
            first.scroll_into_view_if_needed()
            first.tap() if touch else first.click()
        check = form.get_by_role("button", name="Check my answers")
        bottom_of_the_window(check)
        check.tap() if touch else check.click()
        assert_in_view_and_read_out(page, form.locator(".upperback-feedback"), "not a diagnosis")
        page.screenshot(path=SHOTS / f"00_start_here-feedback-{screen}.png")

        open_lesson_on(page, lived_in_app, BY_KEY["your_plan"])
        checkin = page.locator(".upperback-checkin")
        save = checkin.get_by_role("button", name="Save this check-in")
        bottom_of_the_window(save)
        save.tap() if touch else save.click()
        assert_in_view_and_read_out(page, checkin, "Not saved yet")

        open_lesson_on(page, lived_in_app, BY_KEY["your_experiment"])
        view = page.locator(".upperback-experiment")
        start = view.get_by_role("button", name="Start my experiment")
        bottom_of_the_window(start)
        start.tap() if touch else start.click()
        assert_in_view_and_read_out(page, view, "Choose the change to test first.")
        page.screenshot(path=SHOTS / f"06_your_experiment-feedback-{screen}.png")


@pytest.mark.parametrize("screen", SCREENS)
def test_a_sliders_track_stays_put_while_its_readout_changes(scrollbars_shown, lived_in_app, screen):
    """Lesson 00's "Show" picker, step by step to its end: its track never moves (its readout, "whole area"
    to "upper and middle spine", wrapped at the last step and pushed the track under the pointer)."""
    with page_on_this_machine(scrollbars_shown, **SCREENS[screen]) as page:
        open_lesson_on(page, lived_in_app, BY_KEY["start_here"])
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
