"""The code-free app (Voilà, `make app`) and the live slides (`make slides`), in headless Chromium.

The start page lists every lesson in order, and every page works offline (its loading animations still where a
learner asks for less motion); each lesson page itself, on a laptop and a phone, is checked in
test_small_screens. Lessons 04-06 download and upload the learner's
records, follow an imported run, draw their charts for a phone's width; an experiment is planned by keyboard
alone; a page left ends its kernel. As slides (1280x720), Space moves on, each explorer fits its slide, and a
slider moved by keyboard never changes the slide. Any request off this machine fails the test (the `page`
fixture). Screenshots go to test-artifacts/app/.
"""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

import pytest

from harness.browser import (
    ROOT,
    app_server,
    axe_faults,
    move_each_slider,
    record_websocket_frames_sent,
    upload_an_ultra_and_a_file_too_big,
)
from harness.notebooks import code_cells_calling
from upperback.lessons.your_plan import EXAMPLE_RUNNER
from upperback.models.course.lessons import BY_KEY, LESSONS
from upperback.models.records.checkin_csv import to_csv
from upperback.models.records.checkin_log import validate_check_in
from upperback.models.records.experiment import make_schedule
from upperback.pages.printables import schedule_page
from upperback.storage.answers import AnswerStore
from upperback.storage.checkins import CheckInLog
from upperback.storage.experiments import ExperimentStore
from upperback.widgets.plan_view import PlanView

SHOTS = ROOT / "test-artifacts" / "app"
THE_SLIDE = "() => location.hash"
PRESENT = "section.present:not(.stack)"

pytestmark = pytest.mark.browser


def open_lesson(page, base, lesson, template=""):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{base}/voila/render/{lesson.notebook}" + (f"?template={template}" if template else ""))
    page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)  # every cell has run


def test_the_start_page_lists_every_lesson_in_order_and_every_page_works_offline(page, app):
    """`make app`'s start page, a lesson opened from it and a page that is not there: nothing is fetched from
    outside this machine (the `page` fixture)."""
    base, _ = app
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(base + "/")
    links = page.locator(".course-lessons a")
    assert [link.get_attribute("href") for link in links.all()] == [
        f"/voila/render/{lesson.notebook}" for lesson in LESSONS]
    assert links.first.inner_text() == "Lesson 00: Start here"
    assert axe_faults(page) == []
    links.nth(4).click()  # lesson 04: no explorer, quick to open
    page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)
    assert "Lesson 04" in page.locator("h1").first.inner_text()
    assert_the_loading_animations_stop_for_less_motion(page)
    page.goto(base + "/voila/render/no_such_lesson.ipynb")
    assert "Upper-back pain while running" in page.title()
    page.screenshot(path=SHOTS / "missing-page-app.png")


def test_every_page_of_make_slides_works_offline(page, tmp_path):
    """The start page, a lesson and a page that is not there, from `make slides` (its own server: its start
    page opens the lessons as slides): nothing is fetched from outside this machine (the `page` fixture). The
    slides' start page and error pages were Voila's own, with Font Awesome from a CDN."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    with app_server(tmp_path, tmp_path / "learner-data", "slides") as base:
        page.goto(base + "/")
        links = page.locator(".course-lessons a")
        assert links.count() == len(LESSONS), "the start page lists the lessons"
        links.nth(4).click()  # lesson 04: no explorer, quick to open
        page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)
        page.wait_for_selector(".reveal.ready")
        assert_the_loading_animations_stop_for_less_motion(page)
        page.goto(base + "/voila/render/no_such_lesson.ipynb")
        assert "Upper-back pain while running" in page.title()
        page.screenshot(path=SHOTS / "missing-page-slides.png")


# The animation names of Voilà's loading spinner and of a placeholder's avatar and line, on elements made for
# the question.
LOADING_ANIMATIONS = """() => {
    const spinner = document.createElement('div'), post = document.createElement('div');
    spinner.className = 'spinner';
    post.className = 'voila-skeleton-post';
    post.innerHTML = '<div class="voila-skeleton-avatar"></div><div class="voila-skeleton-line"></div>';
    document.body.append(spinner, post);
    const names = [spinner, ...post.children].map(element => getComputedStyle(element).animationName);
    spinner.remove(); post.remove();
    return names;
}"""


def assert_the_loading_animations_stop_for_less_motion(page) -> None:
    """While a lesson runs, Voilà's spinner turns and its placeholder lines shine; a learner whose system asks
    for less motion sees them still (WCAG 2.3.3)."""
    assert page.evaluate(LOADING_ANIMATIONS) == ["rotation", "shine-avatar", "shine-lines"]
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(LOADING_ANIMATIONS) == ["none", "none", "none"]
    page.emulate_media(reduced_motion="no-preference")


EXPLORER_SLIDES = """() => {
    const columns = [...document.querySelectorAll('.reveal .slides > section')];
    return [...document.querySelectorAll('.upperback-explorer')].map(explorer => {
        const slide = explorer.closest('section'), column = slide.parentElement.closest('section');
        return column ? `#/${columns.indexOf(column)}/${[...column.children].indexOf(slide)}`
                      : `#/${columns.indexOf(slide)}`;
    });
}"""


LESSONS_WITH_EXPLORERS = [lesson for lesson in LESSONS if code_cells_calling(lesson, ".explore_")]
SPEAKER_VIEW_LESSON = LESSONS[1]  # its slides open the speaker view too
assert SPEAKER_VIEW_LESSON in LESSONS_WITH_EXPLORERS


@pytest.mark.parametrize("lesson", LESSONS_WITH_EXPLORERS, ids=lambda lesson: lesson.notebook)
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
    if lesson is SPEAKER_VIEW_LESSON:
        the_speaker_view_shows_the_notes_of_the_slide(page)


def the_speaker_view_shows_the_notes_of_the_slide(page):
    """S opens reveal's speaker view (a pop-up window, built in the page: nothing is fetched) with the notes."""
    page.evaluate("() => { document.activeElement.blur(); location.hash = '#/0'; }")  # reveal ignores keys in a slider
    for _ in range(40):
        if page.locator(f"{PRESENT} aside.notes").count():
            break
        page.keyboard.press("Space")
        page.wait_for_timeout(150)
    else:
        pytest.fail("no slide with speaker notes in the first 40")
    notes = max(page.locator(f"{PRESENT} aside.notes").text_content().split("\n"), key=len).strip()
    assert len(notes) > 40, notes
    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.get_by_text(notes[:60]).wait_for()
    speaker.screenshot(path=SHOTS / "speaker-view.png")
    speaker.close()


@pytest.mark.parametrize("template", ["", "course-slides"], ids=["page", "slides"])
def test_leaving_a_page_shuts_its_kernel_down(page, app, template):
    """Voilà asks the server to end a page's kernel when the page is left; that request must be accepted. It
    was refused for want of an _xsrf cookie (unless the start page had set one), so each lesson opened
    straight from a link left a kernel of ~100 MiB running. Two page views a template: left at once, and left
    after reading (Voilà's page has started its widgets and its own goodbye)."""
    base, data = app
    log = data.parent / "app.log"

    def running() -> int:
        text = log.read_text()
        return text.count("Kernel started:") - text.count("Kernel shutdown:")

    page.context.clear_cookies()  # as a learner arriving from a link, not from the start page
    before = running()
    for view in range(2):
        open_lesson(page, base, LESSONS[4], template)  # lesson 04: no explorer, quick to open
        if view == 1:  # read, as a learner does: Voilà's page has started its widgets (and its own goodbye)
            page.locator(".upperback-checkin").first.wait_for()
        page.goto(f"{base}/voila/static/voila.js")  # left for another page of the site (it sets no cookie)
    deadline = time.monotonic() + 45  # a busy 2-core machine (two test workers) can take its time ending them
    while running() > before and time.monotonic() < deadline:
        time.sleep(0.25)
    assert running() <= before, f"{running() - before} kernels were left running by 2 page views"
    assert "'_xsrf' argument missing" not in log.read_text()


def test_an_experiment_is_planned_and_checked_in_with_the_keyboard_alone(page, app):
    """Lesson 06 in the app, no mouse: choose the change, leave six pairs, start; the check-in then says which
    run comes next and asks whether the change was used; axe finds nothing serious. The printable schedule is
    then saved by the browser (the app has no file browser) and nothing is written into the course's folder."""
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
    course = the_course_folder()
    page.keyboard.press("Space")
    try:
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
        # the printable schedule, saved by the browser itself with the content on screen, nothing written beside
        experiment = ExperimentStore(data).read().current
        assert experiment.change == "shake_out", "ArrowDown chose the first change"
        name, content = download(page, page.get_by_role("link", name="Download your printable schedule"))
        assert name == "my_experiment_schedule.html"
        assert content.decode() == schedule_page(experiment.schedule, "shook out arms and shoulders",
                                                 experiment.started_on)
        assert the_course_folder() == course, "a file was written or changed in the course's folder"
    finally:
        (data / "experiments.jsonl").unlink(missing_ok=True)  # the other tests of this app see no experiment going


NOT_THE_COURSE = {".git", ".venv", "node_modules", "test-artifacts", "__pycache__", ".pytest_cache", ".ruff_cache"}


def the_course_folder() -> dict[str, int]:
    """Every file of the repository (but tools' and tests' own folders) with its modification time."""
    found = {}
    for path in ROOT.rglob("*"):
        parts = set(path.relative_to(ROOT).parts)
        if path.is_file() and not parts & NOT_THE_COURSE and not any(p.startswith(".venv") for p in parts):
            found[str(path.relative_to(ROOT))] = path.stat().st_mtime_ns
    return found


def download(page, link) -> tuple[str, bytes]:
    """Click a download link as a learner does; the file's name and its bytes as the browser saved them."""
    with page.expect_download() as saving:
        link.click()
    saved = saving.value
    return saved.suggested_filename, Path(saved.path()).read_bytes()


def checked_in(day: str, entry_id: str) -> object:
    return validate_check_in({"run_date": day, "minutes": "30", "ache": 2, "regions": ["between_blades"],
                              "started": "tired", "helped": "no_change", "warning": "none", "entry_id": entry_id})


def test_the_plan_and_the_log_download_and_the_log_comes_back_by_upload(page, app, tmp_path):
    """The code-free app has no file browser: the printable plan and the log's CSV are saved by the browser
    itself, with the content on screen (lesson 06's printable schedule too, in the experiment's test), and a
    CSV export goes back by the upload button. Nothing is written into the course's folder (in a class, the
    pulled repository)."""
    base, data = app
    SHOTS.mkdir(parents=True, exist_ok=True)
    AnswerStore(data).save("posture", EXAMPLE_RUNNER["posture"])  # a plan to print
    log = CheckInLog(data)
    log.append(checked_in("2026-11-20", "app-download-1"))
    course = the_course_folder()

    open_lesson(page, base, BY_KEY["your_plan"])
    plan = page.get_by_role("link", name="Download your printable plan")
    plan.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "04_your_plan-download.png")
    name, content = download(page, plan)
    assert name == "my_upperback_plan.html" and content == PlanView(AnswerStore(data)).printable.content

    review = page.locator(".upperback-review")
    csv_link = review.get_by_role("link", name="Download your log as a CSV file")
    name, content = download(page, csv_link)
    assert re.fullmatch(r"run_log_\d{4}-\d{2}-\d{2}\.csv", name) and content.decode() == log.csv_export()[1]
    elsewhere = tmp_path / "from-another-computer.csv"
    elsewhere.write_text(to_csv([checked_in("2026-11-22", "app-download-2")]))
    chooser = review.locator("input[type=file]")
    assert chooser.evaluate("input => input.labels[0].textContent") == "Add runs from a CSV export"
    chooser.set_input_files(elsewhere)
    review.get_by_text("Added 1 run from from-another-computer.csv to your log.").wait_for()
    assert "app-download-2" in {entry.entry_id for entry in log.read().entries}
    chooser.set_input_files(elsewhere)
    review.get_by_text("Every run in from-another-computer.csv is already in your log").wait_for()
    review.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "04_your_plan-log-download-and-upload.png")
    assert axe_faults(page, "#rendered_cells") == []

    assert the_course_folder() == course, "a file was written or changed in the course's folder"


def test_lesson_05_in_the_app_follows_a_sample_run_and_imports_a_16_hour_gpx(page, app, tmp_path):
    """In the app no cell can be run again: after "Use this sample", the pendulum's cadence readout and the
    "Log this run" fields change on the page itself. Then the upload button (standalone Voilà, as `make app`
    serves it), on the same page: as in JupyterLab, a 16-hour GPX is imported and a 60 MB file refused before
    it is sent."""
    base, _ = app
    SHOTS.mkdir(parents=True, exist_ok=True)
    sent = record_websocket_frames_sent(page)
    open_lesson(page, base, BY_KEY["your_runs"])
    cadence = page.locator(".upperback-explorer").first.get_by_role("slider", name="Cadence (steps/min)")
    form = page.locator(".upperback-checkin")
    before = cadence.get_attribute("aria-valuetext")
    runs = page.locator(".upperback-runs")
    runs.get_by_role("combobox", name="Or a sample run").select_option("A 2015 run, Garmin Fenix 2 (FIT file)")
    runs.get_by_role("button", name="Use this sample").click()
    runs.get_by_text("15 August 2015, 14:45 UTC").first.wait_for()
    try:
        page.wait_for_function("slider => slider.value === '166'", arg=cadence.element_handle())
        assert cadence.get_attribute("aria-valuetext") != before
        page.get_by_text("Your cadence, from A 2015 run, Garmin Fenix 2 (FIT file): 166 steps a minute").first.wait_for()
        page.wait_for_function("input => input.value === '47'",
                               arg=form.get_by_role("textbox", name="Minutes").element_handle())
        assert form.get_by_role("textbox", name="Kilometres").input_value() == "9.0"
        page.get_by_text("Filled in from your newest imported run: A 2015 run").wait_for()
        cadence.scroll_into_view_if_needed()
        page.screenshot(path=SHOTS / "05_your_runs-follows-the-sample.png")
        assert page.get_by_text("run this cell again").count() == 0
    finally:
        runs.get_by_role("button", name="Delete this run").click()  # the other tests' latest run stays theirs
    runs.get_by_role("button", name="Undo the delete").wait_for()
    page.wait_for_function("slider => slider.value === '170'", arg=cadence.element_handle())

    upload_an_ultra_and_a_file_too_big(page, runs, tmp_path, sent, SHOTS)


# The charts of the learner's own records on a page: every picture that is not an explorer's, shown.
CHARTS = """() => [...document.querySelectorAll('#rendered_cells .upperback-picture img')]
  .filter(img => !img.closest('.upperback-explorer') && img.naturalWidth > 0 && img.getBoundingClientRect().width > 0)
  .map(img => ({alt: img.alt, natural: img.naturalWidth, shown: img.getBoundingClientRect().width}))"""
PHONE_VIEWPORT = {"width": 390, "height": 844}  # the phone fixture's


def test_on_a_phone_the_charts_of_your_records_are_drawn_for_their_width(phone, app):
    """Lessons 04-06 on a 390x844 phone, with a plan, a check-in, an imported sample run of the same day and a
    started experiment: each chart (the plan's causes, the log, the run, the ache against runs, the experiment,
    the made-up runner's experiment) comes in its narrow layout, its smallest words >= 11 CSS px as shown, and
    the same chart with the same alt text comes back wide on a wide screen."""
    from harness.legibility import smallest_text_points
    from upperback.figures import style
    from upperback.figures.experiment_chart import experiment_chart_figure
    from upperback.figures.plan_charts import ache_chart_figure, cause_chart_figure
    from upperback.figures.rendering import NARROW_DPI
    from upperback.figures.run_charts import ache_against_runs_figure, run_chart_figure
    from upperback.lessons.your_experiment import sample_experiment
    from upperback.models.course.plan import build_plan
    from upperback.models.records.watch_files import read_run
    from upperback.models.records.watch_files.run import join_with_check_ins
    from upperback.storage.runs import RUNS_FOLDER, RunStore
    from upperback.widgets.experiment_view import answer_for
    from upperback.widgets.run_import import SAMPLES

    base, data = app
    kept = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}  # the other tests' records
    try:
        for path in kept:  # records of our own only: another test's answers may hold a warning sign, and the plan
            path.unlink()  # waits for a doctor's check (no chart)
        answers, log, runs = AnswerStore(data), CheckInLog(data), RunStore(data / RUNS_FOLDER)
        answers.save("posture", EXAMPLE_RUNNER["posture"])
        log.append(checked_in("2015-08-15", "app-phone-charts"))  # the sample run's day
        sample = "run_fenix2_2015.fit"
        runs.save(read_run((SAMPLES / sample).read_bytes(), sample))
        ExperimentStore(data).start("shake_out", make_schedule(6), date.today())
        entries, stored = log.read().entries, runs.read().runs
        narrow = [cause_chart_figure(build_plan(answers.load().all_answers(), None, entries), True),
                  ache_chart_figure(entries, True), run_chart_figure(stored[0].minutes, True),
                  ache_against_runs_figure(join_with_check_ins([run.summary for run in stored], entries), True),
                  experiment_chart_figure(*answer_for(ExperimentStore(data).read().current, log, answers), True),
                  experiment_chart_figure(*sample_experiment(), True)]
        points = min(smallest_text_points(figure) for figure in narrow)  # the smallest words of any of them
        narrow_px = round(style.NARROW_WIDTH_IN * NARROW_DPI)
        SHOTS.mkdir(parents=True, exist_ok=True)
        for key, count in (("your_plan", 2), ("your_runs", 3), ("your_experiment", 3)):
            lesson = BY_KEY[key]
            phone.set_viewport_size(PHONE_VIEWPORT)
            phone.goto(f"{base}/voila/render/{lesson.notebook}")
            phone.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)
            phone.wait_for_function(f"([n, px]) => ({CHARTS})().filter(c => c.natural === px).length === n",
                                    arg=[count, narrow_px])
            charts = phone.evaluate(CHARTS)
            assert len(charts) == count, [chart["alt"][:40] for chart in charts]
            for chart in charts:
                assert chart["natural"] == narrow_px, chart["alt"]
                shown_px = points * chart["shown"] / (72 * style.NARROW_WIDTH_IN)
                assert shown_px >= style.SMALLEST_TEXT_PX, (chart["alt"], shown_px)
            for number, shown in enumerate(phone.locator(".upperback-picture:not(.upperback-explorer *) img").all()):
                if shown.evaluate("img => img.naturalWidth") == narrow_px:  # each chart as the phone shows it
                    shown.scroll_into_view_if_needed()
                    phone.screenshot(path=SHOTS / f"{Path(lesson.notebook).stem}-phone-chart-{number}.png")
            phone.set_viewport_size({"width": 1280, "height": 800})  # a wide screen: every chart drawn wide again
            phone.wait_for_function(f"([n, px]) => ({CHARTS})().filter(c => c.natural !== px).length === n",
                                    arg=[count, narrow_px])
            assert sorted(chart["alt"] for chart in phone.evaluate(CHARTS)) == sorted(c["alt"] for c in charts)
    finally:
        for path in (path for path in data.rglob("*") if path.is_file() and path not in kept):
            path.unlink()
        for path, content in kept.items():
            path.write_bytes(content)
