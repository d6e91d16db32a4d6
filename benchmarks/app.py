"""The code-free app (Voilà, as `make app` starts it) in headless Chromium: how long a lesson takes from the
page request to its first explorer picture on screen, and key press → new picture for every explorer's
sliders, timed as benchmarks/browser.py times them in JupyterLab; then 20 lesson pages opened and left, one
after another: the kernels still running and the memory of the server and its kernels, before and after.

    python -m benchmarks.app        (make bench runs it after the JupyterLab benchmark)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.browser import PRESSES, WARM_UP, stats, time_handles, write_section
from harness.browser import CHROMIUM_FLAGS, SLIDER, app_server, chromium_or_skip
from harness.class_hub import processes_of
from upperback.lessons.explorers import explorer_name
from upperback.models.course.lessons import LESSONS

LOADS = 3  # page views per lesson; each starts a fresh kernel
PAGE_VIEWS = 20  # lesson pages opened and left, for the kernels and memory left behind
FIRST_PICTURE = """() => new Promise(resolve => {
    const look = () => {
        const img = document.querySelector('.upperback-explorer .upperback-picture img');
        if (img && img.complete && img.naturalWidth > 100)
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
        else requestAnimationFrame(look);
    };
    look();
})"""
SECTION = "## The app (Voilà) in the browser"


def kernels_and_memory(data: Path) -> tuple[int, float]:
    """The app's kernels running now, and the resident memory of its server and kernels together, MiB."""
    processes = processes_of(data)
    return sum(b"ipykernel" in command for _, command in processes), sum(mib for mib, _ in processes)


def page_views(page, base: str, data: Path) -> list[tuple[str, int, float]]:
    """Open and leave PAGE_VIEWS lesson pages in turn (each waits for its cells), then give the server a few
    seconds to end what was left: (moment, kernels running, MiB) before, after each fifth view, and settled."""
    rows = [("before", *kernels_and_memory(data))]
    for view in range(1, PAGE_VIEWS + 1):
        page.goto(f"{base}/voila/render/{LESSONS[view % len(LESSONS)].notebook}")
        page.wait_for_selector("#rendered_cells", state="visible")
        page.goto(f"{base}/voila/static/voila.js")  # left for another page of the site
        if view % 5 == 0:
            rows.append((f"after {view} views", *kernels_and_memory(data)))
    time.sleep(5)
    rows.append(("5 s later", *kernels_and_memory(data)))
    return rows


def measure() -> tuple[dict, dict, list]:
    from playwright.sync_api import sync_playwright

    first_picture, keys = {}, {}
    with tempfile.TemporaryDirectory() as home, app_server(Path(home), Path(home) / "data") as base, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_or_skip(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.set_default_timeout(90_000)
        for lesson in (entry for entry in LESSONS if entry.explorers):
            seconds = []
            for _ in range(LOADS):
                page.goto("about:blank")
                started = time.monotonic()
                page.goto(f"{base}/voila/render/{lesson.notebook}", wait_until="commit")
                page.evaluate(FIRST_PICTURE)
                seconds.append(time.monotonic() - started)
            first_picture[lesson.notebook] = (statistics.median(seconds), max(seconds))
            page.wait_for_selector("#rendered_cells", state="visible")
            explorers = page.locator(".upperback-explorer")
            for index, function in enumerate(lesson.explorers):
                explorer = explorers.nth(index)
                explorer.scroll_into_view_if_needed()
                timings = time_handles(page, explorer, explorer.locator(SLIDER).all())
                keys[explorer_name(lesson, function)] = (*stats(timings), len(timings))
        page.goto("about:blank")
        time.sleep(5)  # the pages above have ended their kernels
        views = page_views(page, base, Path(home) / "data")
        browser.close()
    return first_picture, keys, views


def table(first_picture: dict, keys: dict, views: list) -> list[str]:
    lines = ["| lesson | page request → first explorer picture, median s | slowest s |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {median:.1f} | {worst:.1f} |" for name, (median, worst) in first_picture.items()]
    lines += ["", "| explorer | presses | key → picture median ms | p95 ms |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {name} | {count} | {median:.0f} | {p95:.0f} |" for name, (median, p95, count) in keys.items()]
    lines += ["", f"| {PAGE_VIEWS} lesson pages opened and left | kernels running | server + kernels, MiB |",
              "| --- | ---: | ---: |"]
    lines += [f"| {moment} | {kernels} | {mib:.0f} |" for moment, kernels, mib in views]
    return lines


if __name__ == "__main__":
    rows = table(*measure())
    print("\n".join(rows))
    note = (f"`make app` on loopback, Chromium at 1280×720. Each lesson opened {LOADS} times (a fresh kernel each "
            "time, no preheated kernels): from the request to the first explorer picture decoded and two frames "
            f"painted. Then {PRESSES} presses per slider after {WARM_UP} warm-up presses, as in JupyterLab above. "
            f"Last, {PAGE_VIEWS} lesson pages opened one after another, each left for another page once its cells "
            "had run: the kernels still running and the resident memory of the server and its kernels.\n")
    write_section(SECTION, note, rows)
