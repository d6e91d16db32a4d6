"""The code-free app (Voilà, as `make app` starts it) in headless Chromium: how long a lesson takes from the
page request to its first explorer picture on screen, and key press → new picture for every explorer's
sliders, timed as benchmarks/browser.py times them in JupyterLab.

    python -m benchmarks.app        (make bench runs it after the JupyterLab benchmark)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from benchmarks.browser import PRESSES, WARM_UP, stats, time_handles, write_section
from harness.browser import CHROMIUM_FLAGS, SLIDER, app_server, chromium_or_skip
from upperback.lessons.explorers import explorer_name
from upperback.models.course.lessons import LESSONS

LOADS = 3  # page views per lesson; each starts a fresh kernel
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


def measure() -> tuple[dict, dict]:
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
        browser.close()
    return first_picture, keys


def table(first_picture: dict, keys: dict) -> list[str]:
    lines = ["| lesson | page request → first explorer picture, median s | slowest s |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {median:.1f} | {worst:.1f} |" for name, (median, worst) in first_picture.items()]
    lines += ["", "| explorer | presses | key → picture median ms | p95 ms |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {name} | {count} | {median:.0f} | {p95:.0f} |" for name, (median, p95, count) in keys.items()]
    return lines


if __name__ == "__main__":
    rows = table(*measure())
    print("\n".join(rows))
    note = (f"`make app` on loopback, Chromium at 1280×720. Each lesson opened {LOADS} times (a fresh kernel each "
            "time, no preheated kernels): from the request to the first explorer picture decoded and two frames "
            f"painted. Then {PRESSES} presses per slider after {WARM_UP} warm-up presses, as in JupyterLab above.\n")
    write_section(SECTION, note, rows)
