"""The real thing: every lesson opened in JupyterLab in headless Chromium, run once, and played with.

For each notebook: run all cells, then assert there is no error output, every widget rendered, axe-core
finds no serious or critical accessibility fault in the outputs, every slider has a name and says its value
in words, every explorer's picture changes when its slider gets an ArrowRight (and the arrow never moves
JupyterLab's cell selection) and the next step's picture, sent ahead, shows before the kernel answers, and every
self-check can be completed with the keyboard alone. Lessons 04 and 05 go on with their records on the same page
(the log's CSV downloads; a sample run sets the explorers' cadence; a 16-hour GPX is imported and a 60 MB file
refused). Then the same page switches to workshop mode (the Simple Interface with the workshop's large type, as
`make present` shows it) and every explorer is moved again, and the lesson opens as a RISE slideshow on its
kernel. One JupyterLab window for all the lessons, each opened in turn as a learner does and closed with its
kernel (a test that fails leaves the next one a fresh window), and one run of each lesson: each costs a kernel
running the whole lesson. Any request to an address that is not loopback fails the test: the course must work
in a workshop room with no internet. Screenshots go to test-artifacts/browser/.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from harness.browser import (
    OFF_THIS_MACHINE,
    ROOT,
    SLIDER,
    answer_by_keyboard_alone,
    assert_nothing_asked_off_this_machine,
    assert_the_next_picture_is_there_before_the_kernel_answers,
    axe_faults,
    move_each_slider,
    page_on_this_machine,
    record_websocket_frames_sent,
    run_all_when_ready,
    upload_an_ultra_and_a_file_too_big,
)
from harness.notebooks import cells
from upperback.models.course.lessons import LESSONS

NOTEBOOKS = [lesson.notebook for lesson in LESSONS]
SHOTS = ROOT / "test-artifacts" / "browser"
ACTIVE_CELL = "() => window.jupyterapp.shell.currentWidget.content.activeCellIndex"

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", ["https://example.org/", "http://127.0.0.1.example.org/a.js", "ws://cdn.example/",
                                 "https://localhost.example.com:8888/", "http://10.0.0.7:8000/lab"])
def test_an_address_off_this_machine_is_caught(url):
    assert OFF_THIS_MACHINE.search(url)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8888/lab?token=x", "http://localhost/", "http://[::1]:9/a",
                                 "data:image/png;base64,AA", "blob:http://127.0.0.1:8888/1-2", "file:///tmp/a.html"])
def test_an_address_on_this_machine_is_let_through(url):
    assert not OFF_THIS_MACHINE.search(url)


def test_a_page_that_asks_for_anything_off_this_machine_fails_its_test(browser):
    missed = pytest.raises(AssertionError, match=r"requests for addresses off this machine: "
                                                 r"\['https://example.org/picture.png', 'ws://cdn.example/live'\]")
    with missed, page_on_this_machine(browser) as page:
        page.set_content("<img src='http://127.0.0.1:9/here.png'><img src='https://example.org/picture.png'>")
        page.wait_for_timeout(200)
        page.evaluate("() => { new WebSocket('ws://127.0.0.1:9/here'); new WebSocket('ws://cdn.example/live'); }")
        page.wait_for_timeout(500)


MODEL_SUMMARY = """() => {
    const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
    const errors = [], widgets = [];
    for (let i = 0; i < cells.length; i++) {
        const cell = cells.get(i);
        if (cell.type !== 'code') continue;
        for (let j = 0; j < cell.outputs.length; j++) {
            const output = cell.outputs.get(j).toJSON();
            if (output.output_type === 'error') errors.push(output.ename + ': ' + output.evalue);
            if (output.data && output.data['application/vnd.jupyter.widget-view+json']) widgets.push(i);
        }
    }
    return {errors, widgets};
}"""


# JupyterLab as a lesson's test leaves it: loaded, in its full interface, no document or dialog open (the
# Launcher JupyterLab opens in an empty main area may be there).
EMPTY_WINDOW = """() => !!window.jupyterapp && window.jupyterapp.commands.hasCommand('docmanager:open')
    && window.jupyterapp.shell.mode === 'multiple-document'
    && Array.from(window.jupyterapp.shell.widgets('main')).every(widget => !widget.context)
    && !document.querySelector('.jp-Dialog')"""
# Every notebook open is closed as a learner closes it, its kernel shut down; the run's changes are not saved.
CLOSE_THE_LESSONS = """async () => {
    if (!window.jupyterapp) return;
    for (const panel of Array.from(window.jupyterapp.shell.widgets('main')).filter(widget => widget.sessionContext)) {
        await panel.sessionContext.shutdown();
        panel.context.model.dirty = false;
        panel.close();
    }
}"""


@pytest.fixture(scope="module")
def lab_window(browser, lab):
    """One JupyterLab window for every lesson (a window costs Chromium ~3.5 s of CPU to load): its page, the
    addresses off this machine it asked for, the sizes of the websocket messages it sent, and whether the next
    test must load it afresh."""
    outside: list[str] = []
    with page_on_this_machine(browser, outside) as page:
        yield SimpleNamespace(page=page, outside=outside, sent=record_websocket_frames_sent(page), reload=True)


@pytest.fixture
def lab_page(lab_window, lab, request):
    """The window, with nothing open in it: loaded afresh the first time and after a test that failed; the
    lessons opened in it are closed after the test, which fails if the window asked for anything off this
    machine meanwhile. With the sizes of the websocket messages the window sends during the test."""
    window, (base, token) = lab_window, lab
    page, failed_before = window.page, request.session.testsfailed
    if window.reload or not page.evaluate(EMPTY_WINDOW):
        page.goto(f"{base}/lab/tree/notebooks?reset&token={token}")  # the lessons' folder in the file browser
        page.wait_for_function(EMPTY_WINDOW)
        page.evaluate("async () => { await window.jupyterapp.restored; }")
    window.sent.clear()
    yield page, window.sent
    window.reload = request.session.testsfailed > failed_before
    for other in page.context.pages[1:]:  # a slideshow left open by a test that failed
        other.close()
    page.evaluate(CLOSE_THE_LESSONS)
    assert_nothing_asked_off_this_machine(window.outside)


def open_and_run(page, name):
    # The command gives back the notebook's widget: not sent back here (Playwright would copy its ~4 MB). The
    # Launcher that the last lesson's closing brought up is closed: the lesson alone, as on a fresh window.
    page.evaluate("""async path => {
        const app = window.jupyterapp;
        await app.commands.execute('docmanager:open', {path});
        for (const other of Array.from(app.shell.widgets('main')).filter(widget => !widget.context)) other.close();
    }""", f"notebooks/{name}")
    ran = run_all_when_ready(page)
    summary = page.evaluate(MODEL_SUMMARY)
    assert summary["errors"] == [], f"{name}: cells raised {summary['errors']}"
    assert ran is not False, f"{name}: Run All did not finish cleanly"
    return summary


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_lesson_runs_and_its_widgets_respond_in_jupyterlab(lab_page, lab, name, tmp_path):
    page, sent = lab_page
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 720})  # a projector, or a laptop at 150 % zoom
    summary = open_and_run(page, name)
    rendered = page.locator(".jp-OutputArea-output > .jupyter-widgets")
    page.wait_for_function(
        "n => document.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets').length >= n",
        arg=len(summary["widgets"]),
    )
    assert rendered.count() == len(summary["widgets"])
    assert page.get_by_text("Error displaying widget").count() == 0
    page.screenshot(path=SHOTS / f"{Path(name).stem}-top.png")
    assert axe_faults(page, ".jp-OutputArea-output") == []

    explorers = page.locator(".upperback-explorer")
    for index in range(explorers.count()):
        explorer = explorers.nth(index)
        explorer.scroll_into_view_if_needed()
        picture = explorer.locator(".upperback-picture img").first
        picture.wait_for()  # measured with its picture in place
        page.wait_for_function("img => img.naturalWidth > 100", arg=picture.element_handle())
        body = explorer.locator(".upperback-explorer-body").bounding_box()
        room = page.locator(".jp-WindowedPanel-outer").first.bounding_box()
        assert body["height"] <= room["height"], f"explorer {index}: controls and picture need more than one screen"
        move_each_slider(page, explorer, unchanged=ACTIVE_CELL)
        assert_the_next_picture_is_there_before_the_kernel_answers(page, explorer)
        page.screenshot(path=SHOTS / f"{Path(name).stem}-explorer-{index}.png")

    forms = page.locator(".upperback-selfcheck")
    for index in range(forms.count()):
        form = forms.nth(index)
        form.scroll_into_view_if_needed()
        answer_by_keyboard_alone(page, form, unchanged=ACTIVE_CELL)
        feedback = form.locator(".upperback-feedback")
        feedback.get_by_text("not a diagnosis").wait_for()
        feedback.scroll_into_view_if_needed()
        page.screenshot(path=SHOTS / f"{Path(name).stem}-selfcheck-{index}.png")

        assert "Still open" not in feedback.inner_text()

    for plan in page.locator(".upperback-plan").all():  # lessons 00-03 ran first, so the plan has answers
        plan.scroll_into_view_if_needed()
        plan.get_by_text("not a diagnosis").wait_for()
        shown = plan.locator(".widget-html-content").first.text_content()
        # The first answer of every question was clicked: in lesson 02 that says the ache grows with effort,
        # the angina pattern, so the plan must be on hold with the action first and no cues.
        assert shown.index("Stop and rest") < shown.index("Your plan is on hold"), shown
        assert "No self-checks saved yet" not in shown and "next three runs" not in shown
        page.screenshot(path=SHOTS / f"{Path(name).stem}-plan.png")

    for index in range(page.locator(".upperback-checkin").count()):
        fill_in_a_check_in(page, page.locator(".upperback-checkin").nth(index), name)

    for then in THEN.get(name, ()):
        then(page, tmp_path, sent)

    if explorers.count():
        move_every_explorer_in_workshop_mode(page, name)
    opens_as_a_slideshow_offline(page, lab, name)


def move_every_explorer_in_workshop_mode(page, name):
    """The Simple Interface with the workshop's type, as a presenter shows it, on the run just made."""
    page.evaluate("() => { window.jupyterapp.shell.mode = 'single-document'; }")
    body_text = page.locator(".jp-RenderedMarkdown p").first
    assert float(body_text.evaluate("p => getComputedStyle(p).fontSize").rstrip("px")) >= 20
    explorers = page.locator(".upperback-explorer")
    for index in range(explorers.count()):
        explorer = explorers.nth(index)
        explorer.scroll_into_view_if_needed()
        handle = explorer.locator(SLIDER).last
        before = explorer.locator("img").first.get_attribute("src")
        handle.focus()
        handle.press("ArrowRight")
        page.wait_for_function("([explorer, before]) => explorer.querySelector('img').getAttribute('src') !== before",
                               arg=[explorer.element_handle(), before])
    page.screenshot(path=SHOTS / f"{Path(name).stem}-workshop.png")
    page.evaluate("() => { window.jupyterapp.shell.mode = 'multiple-document'; }")
    assert float(body_text.evaluate("p => getComputedStyle(p).fontSize").rstrip("px")) < 20, "self-study size"


def fill_in_a_check_in(page, form, name):
    """A runner's first check-in: a bad value is refused with a message, then the fixed entry is reviewed."""
    form.scroll_into_view_if_needed()
    form.get_by_role("textbox", name="Minutes").fill("forty")
    form.get_by_role("button", name="Save this check-in").click()
    form.get_by_text("minutes must be a number").wait_for()
    form.get_by_role("textbox", name="Minutes").fill("42")
    form.get_by_role("combobox", name="When it started").select_option(label="no ache this run")
    form.get_by_label("I changed nothing").check()
    form.get_by_role("button", name="Save this check-in").click()
    form.get_by_text("say whether any warning sign came with this run").wait_for()  # it may not be skipped
    form.get_by_role("radio", name="No, none of these").check()
    form.get_by_role("textbox", name="Note").fill(f"<b>not bold</b> after the browser test of {name}")
    form.get_by_role("button", name="Save this check-in").click()
    form.get_by_text("Saved to your log").wait_for()
    review = page.locator(".upperback-review")
    review.get_by_text(f"<b>not bold</b> after the browser test of {name}").wait_for()  # as typed, not markup
    assert review.locator("b", has_text="not bold").count() == 0
    review.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / f"{Path(name).stem}-checkin.png")


def a_sample_run_sets_the_cadence_of_the_explorers(page, folder, sent):
    """The learner's path in the real JupyterLab: pick a sample run, and the pendulum explorer below moves to
    that run's cadence at once, with no cell run again."""
    runs = page.locator(".upperback-runs")
    runs.scroll_into_view_if_needed()
    runs.get_by_role("combobox", name="Or a sample run").select_option("A 2015 run, Garmin Fenix 2 (FIT file)")
    runs.get_by_role("button", name="Use this sample").click()
    runs.get_by_text("Imported A 2015 run, Garmin Fenix 2 (FIT file), 15 August 2015, 14:45 UTC").wait_for()
    runs.get_by_text("cadence 166 steps a minute").wait_for()
    page.screenshot(path=SHOTS / "05_your_runs-imported-1280x720.png")
    note = page.get_by_text("Your cadence, from A 2015 run, Garmin Fenix 2 (FIT file): 166 steps a minute while "
                            "moving.").first
    note.wait_for()
    note.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "05_your_runs-cadence-1280x720.png")
    runs.get_by_role("button", name="Delete this run").click()  # the other tests' latest run stays theirs
    runs.get_by_text("Changed your mind?").wait_for()


def a_16_hour_gpx_is_imported_and_a_60_mb_file_refused_before_sending(page, folder, sent):
    """The upload button in JupyterLab: a long run's file reaches the kernel (the server takes messages that
    big) and is imported; a file over the limit is refused in the page, in words, and never sent."""
    upload_an_ultra_and_a_file_too_big(page, page.locator(".upperback-runs"), folder, sent, SHOTS)


def the_logs_csv_downloads_from_jupyterlab_too(page, folder, sent):
    """The same download link as in the app saves the file from JupyterLab's output area: no file browser, no
    right-click, no file beside the notebook."""
    link = page.locator(".upperback-review").get_by_role("link", name="Download your log as a CSV file")
    link.scroll_into_view_if_needed()
    with page.expect_download() as saving:
        link.click()
    saved = saving.value
    assert saved.suggested_filename.startswith("run_log_") and saved.suggested_filename.endswith(".csv")
    text = Path(saved.path()).read_text()
    assert text.startswith("run_date,") and "<b>not bold</b> after the browser test of 04_your_plan.ipynb" in text
    assert not any((ROOT / "notebooks").glob("run_log_*.csv")), "the download wrote a file beside the lesson"


# What a lesson's page goes on to check once its run is checked (page, a folder of the test's, the sizes of
# the websocket messages sent).
THEN = {"04_your_plan.ipynb": [the_logs_csv_downloads_from_jupyterlab_too],
        "05_your_runs.ipynb": [a_sample_run_sets_the_cadence_of_the_explorers,
                               a_16_hour_gpx_is_imported_and_a_60_mb_file_refused_before_sending]}


def slide_count(name: str) -> int:
    return sum(cell["metadata"]["slideshow"]["slide_type"] == "slide" for cell in cells(name))


def opens_as_a_slideshow_offline(page, lab, name):
    """RISE's slideshow of the lesson just run (its own page, on the same kernel): every slide, a heading first,
    no serious accessibility fault in the cells."""
    base, token = lab
    slides = page.context.new_page()
    slides.goto(f"{base}/rise/notebooks/{name}?token={token}")
    slides.wait_for_function("n => document.querySelectorAll('.reveal .slides > section').length >= n",
                             arg=slide_count(name))
    assert slides.locator(".reveal .slides > section").count() == slide_count(name)
    slides.locator(".reveal .slides > section").first.get_by_role("heading").first.wait_for()
    slides.screenshot(path=SHOTS / f"{Path(name).stem}-slides.png")
    # the cells' content; RISE's container (JupyterLab's windowed list) has an ARIA fault of JupyterLab's own
    assert axe_faults(slides, ".reveal .slides .jp-Cell") == []
    slides.close()
