"""Key press → new picture on screen, measured where the learner feels it: the real JupyterLab in Chromium.

For every explorer of every lesson, each slider handle gets a few warm-up presses, then PRESSES presses of
an arrow key; each is timed from a capture-phase keydown to the moment the explorer's picture has changed,
been decoded and two animation frames have passed (painted). The same run measures two baselines in a
scratch notebook: a naive ``interact`` that re-plots inline, and ipympl updating artists. Absolute times on
a shared 2-core machine vary by 2× from run to run; the ratios to the baselines hold, so both are reported.

    python -m benchmarks.browser        (make bench runs it after the kernel-side benchmark)
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from harness.browser import CHROMIUM_FLAGS, SLIDER, chromium_or_skip, jupyterlab_server, open_and_run_all
from upperback.lessons.explorers import explorer_name
from upperback.models.course.lessons import LESSONS

PRESSES, WARM_UP = 20, 3
SCRATCH = ROOT / "build" / "browser-bench"

NAIVE = """\
import matplotlib.pyplot as plt, numpy as np
from ipywidgets import FloatSlider, interact
x = np.linspace(0, 10, 400)
@interact(k=FloatSlider(min=0.5, max=5, step=0.1, value=1, description="k", continuous_update=True))
def picture(k):
    fig, ax = plt.subplots(figsize=(10, 4.5))
    ax.plot(x, np.sin(k * x)); ax.set_title(f"k = {k:.1f}")
    plt.show()
"""
IPYMPL = """\
%matplotlib widget
import matplotlib.pyplot as plt, numpy as np
from ipywidgets import FloatSlider, VBox
x = np.linspace(0, 10, 400)
with plt.ioff():
    fig, ax = plt.subplots(figsize=(10, 4.5))
(line,) = ax.plot(x, np.sin(x)); title = ax.set_title("k = 1.0")
slider = FloatSlider(min=0.5, max=5, step=0.1, value=1, description="k", continuous_update=True)
def move(change):
    line.set_ydata(np.sin(change["new"] * x)); title.set_text(f"k = {change['new']:.1f}")
    fig.canvas.draw_idle()
slider.observe(move, names="value")
VBox([slider, fig.canvas])
"""
# The round trip: lesson 01's pendulum explorer on the page as it is (same controls, picture and words),
# whose figure draws nothing and which sends no pictures ahead of the hand: each move shows one of two frames
# drawn beforehand. Whatever it takes is the way to the kernel and back and the page: the least any explorer
# that waits for the kernel can take. Explorers beat it with the pictures they send ahead.
ROUND_TRIP = """\
from upperback.lessons.arm_carriage import explore_pendulum
explorer = explore_pendulum()
explorer.draws_ahead = False
figure = explorer.figure
ahead = [(figure.update(cadence=cadence), figure.png()) for cadence in (160, 170)]
class DrawsNothing:
    moves = 0
    def update(self, **values):
        self.moves += 1
        self.caption, self.frame = ahead[self.moves % 2]
        return self.caption
    def png(self):
        return self.frame
explorer.figure = DrawsNothing()
explorer
"""

# One press, in two steps around Playwright's real key press: ARM stamps the keydown (capture phase),
# watches the scope for a changed picture and then waits for it to be decoded and for two frames to be
# painted; SETTLE gives the milliseconds (null when nothing changed within 3 s).
ARM = """([scope]) => {
    const key = p => p.tagName === 'IMG' ? p.src : p.toDataURL();
    const pictures = () => [...scope.querySelectorAll('img, canvas')];
    const before = pictures().map(key);
    window.__pressed = 0;
    window.addEventListener('keydown', () => { window.__pressed = performance.now(); },
                            {capture: true, once: true});
    window.__changed = new Promise(resolve => {
        const look = () => {
            const now = pictures();
            return now.length !== before.length || now.some((p, i) => key(p) !== before[i]) ? now : null;
        };
        const observer = new MutationObserver(() => {
            const now = look();
            if (now) { observer.disconnect(); resolve(now); }
        });
        observer.observe(scope, {subtree: true, childList: true, attributes: true, characterData: true});
        let done = false;
        const poll = () => {  // a canvas (ipympl) changes its pixels, not the page: look every frame
            if (done) return;
            const now = look();
            if (now) { done = true; observer.disconnect(); resolve(now); } else requestAnimationFrame(poll);
        };
        // only where a canvas is: a poll every frame keeps the page drawing frames, which delays the rest
        if (scope.querySelector('canvas')) requestAnimationFrame(poll);
        setTimeout(() => { done = true; observer.disconnect(); resolve(null); }, 3000);
    });
    // counted from the change itself, not from when Playwright asks: a picture kept in the page changes
    // before the key press has returned to Playwright
    window.__painted = window.__changed.then(async now => {
        if (!now) return null;
        await Promise.all(now.filter(p => p.tagName === 'IMG').map(p => p.decode().catch(() => null)));
        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - window.__pressed;
    });
}"""
SETTLE = "() => window.__painted"


# Holding a key: record every picture change and the last keydown, in the page's own clock.
WATCH_HELD = """([scope]) => {
    window.__lastKey = 0; window.__lastPicture = 0;
    window.__keys = e => { window.__lastKey = performance.now(); };
    window.addEventListener('keydown', window.__keys, {capture: true});
    window.__held = new MutationObserver(() => { window.__lastPicture = performance.now(); });
    window.__held.observe(scope, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
}"""
HELD_RESULT = """async () => {
    window.__held.disconnect(); window.removeEventListener('keydown', window.__keys, {capture: true});
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    return window.__lastPicture - window.__lastKey;
}"""
HELD_PRESSES, HELD_EVERY_MS = 30, 33  # a key held down: about 30 repeats a second


def time_held_key(page, scope, handle) -> float:
    """Milliseconds from the last of up to 30 presses a second (from the slider's low end, never past its high
    end) to the last picture change (src set; decoding and painting add a frame or two): with the latest
    move winning, stale pictures never trail the hand."""
    handle.focus()
    page.keyboard.press("Home")
    page.wait_for_timeout(500)
    steps = handle.evaluate("h => Math.round((Number(h.max) - Number(h.min)) / Number(h.step))")
    page.evaluate(WATCH_HELD, [scope.element_handle()])
    for _ in range(min(HELD_PRESSES, steps)):
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(HELD_EVERY_MS)
    page.wait_for_timeout(1000)
    return page.evaluate(HELD_RESULT)


def time_handles(page, scope, handles) -> list[float]:
    """Milliseconds per press over every handle, after warm-up; alternates direction at either end."""
    timings = []
    for handle in handles:
        for press in range(WARM_UP + PRESSES):
            at_end = handle.evaluate("h => h.tagName === 'INPUT' ? Number(h.value) >= Number(h.max)"
                                     "  : h.getAttribute('aria-valuenow') === h.getAttribute('aria-valuemax')")
            key = "ArrowLeft" if at_end else "ArrowRight"
            page.evaluate(ARM, [scope.element_handle()])
            handle.press(key)
            took = page.evaluate(SETTLE)
            if took is not None and press >= WARM_UP:
                timings.append(took)
    return timings


def scratch_notebook(name: str, source: str) -> str:
    SCRATCH.mkdir(parents=True, exist_ok=True)
    notebook = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                           "source": source}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    (SCRATCH / name).write_text(json.dumps(notebook))
    return f"build/browser-bench/{name}"


def stats(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]


def bench_page(playwright, timeout_ms: int = 60_000):
    """A Chromium page as every browser benchmark uses it: its own browser, closed with page.context.browser."""
    browser = playwright.chromium.launch(executable_path=chromium_or_skip(), args=CHROMIUM_FLAGS)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(timeout_ms)
    return page


def time_baseline(page, base: str, token: str, name: str, source: str, handle: str) -> tuple:
    """(median, p95, presses) of a baseline: ``source`` run in a scratch notebook, its ``handle``s pressed."""
    open_and_run_all(page, base, token, scratch_notebook(name.replace(" ", "_") + ".ipynb", source))
    page.locator(f".jp-OutputArea-output {handle}").first.wait_for()
    page.wait_for_timeout(1500)
    timings = time_handles(page, page.locator(".jp-OutputArea-output").first, page.locator(handle).all())
    return (*stats(timings), len(timings))


def measure(only: str = "") -> dict[str, tuple]:
    """Every baseline, then every explorer of the lessons whose file name starts with ``only``."""
    from playwright.sync_api import sync_playwright

    results = {}
    with tempfile.TemporaryDirectory() as home, sync_playwright() as playwright, \
            jupyterlab_server(Path(home), extra_env={"UPPERBACK_DATA_DIR": f"{home}/data"}) as (base, token):
        page = bench_page(playwright)
        for name, source, handle in (("naive interact", NAIVE, ".noUi-handle"), ("ipympl", IPYMPL, ".noUi-handle"),
                                     ("kernel round trip", ROUND_TRIP, SLIDER)):
            results[f"baseline: {name}"] = time_baseline(page, base, token, name, source, handle)
        for lesson in (entry for entry in LESSONS if entry.explorers and entry.notebook.startswith(only)):
            open_and_run_all(page, base, token, f"notebooks/{lesson.notebook}")
            explorers = page.locator(".upperback-explorer")
            page.wait_for_function("n => document.querySelectorAll('.upperback-explorer img').length >= n",
                                   arg=len(lesson.explorers))
            for index, function in enumerate(lesson.explorers):
                explorer = explorers.nth(index)
                explorer.scroll_into_view_if_needed()
                handles = explorer.locator(SLIDER).all()
                timings = time_handles(page, explorer, handles)
                held = time_held_key(page, explorer, handles[-1])
                results[explorer_name(lesson, function)] = (*stats(timings), len(timings), held)
        page.context.browser.close()
    return results


def table(results: dict[str, tuple]) -> list[str]:
    naive = results["baseline: naive interact"][0]
    ipympl = results["baseline: ipympl"][0]
    lines = ["| explorer | presses | median ms | p95 ms | × naive | × ipympl | key held: last press → last picture, ms |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, (median, p95, count, *held) in results.items():
        ended = f"{held[0]:.0f}" if held else ""
        lines.append(f"| {name} | {count} | {median:.0f} | {p95:.0f} | {median / naive:.2f} | {median / ipympl:.2f} "
                     f"| {ended} |")
    return lines


SECTION = "## Key press to picture, in the browser (JupyterLab in headless Chromium)"


def write_section(section: str, note: str, lines: list[str]) -> None:
    """Replace one section of benchmarks/RESULTS.md (it runs to the next "## " heading), keeping the others."""
    results = ROOT / "benchmarks" / "RESULTS.md"
    text = results.read_text() if results.exists() else ""
    before, _, after = text.partition(section)
    following = after[after.find("\n## "):] if "\n## " in after else ""
    results.write_text(before.rstrip() + "\n\n" + section + "\n\n" + note + "\n" + "\n".join(lines) + "\n"
                       + following)


def write_results(lines: list[str]) -> None:
    note = (f"{PRESSES} presses per slider handle after {WARM_UP} warm-up presses; keydown (capture phase) to the "
            "new picture decoded and two frames painted. Baselines in the same run: a naive `interact` that "
            "re-plots a sine curve inline, ipympl updating the same curve's artists, and the kernel round trip: "
            "lesson 01's pendulum explorer with a figure that draws nothing (two frames drawn beforehand) and no "
            "pictures sent ahead, which is the way to the kernel and back and the page's own work. Explorers "
            "show the pictures of the next steps, sent ahead after each move, without waiting for the kernel. "
            "Compare ratios, not "
            "milliseconds: this 2-core machine varies by 2× between runs. Key held: 30 presses a second on an "
            "explorer's last slider, from the last keydown to the last picture change (target ≤ 100 ms).\n")
    write_section(SECTION, note, lines)


if __name__ == "__main__":
    only = sys.argv[1] if len(sys.argv) > 1 else ""  # e.g. 01: that lesson only, printed and not written
    rows = table(measure(only))
    print("\n".join(rows))
    if not only:
        write_results(rows)
