"""Presenting: every lesson as a RISE slideshow, and every live explorer in workshop mode (`make present`),
both with no network beyond loopback, as the facilitator guide describes them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from browser_support import ROOT, jupyterlab_server
from test_browser import MODEL_SUMMARY, NOTEBOOK_READY, NOTEBOOKS, SHOTS

from upperback.models.lessons import LESSONS

pytestmark = pytest.mark.browser
WORKSHOP_CONFIG = ROOT / "workshop" / "jupyter-config"
LIVE_LESSONS = [lesson.notebook for lesson in LESSONS if lesson.explorers]


@pytest.fixture(scope="module")
def workshop(tmp_path_factory, browser):
    """The server as `make present` starts it: the workshop config folder, custom CSS, projector figures."""
    home = tmp_path_factory.mktemp("workshop")
    config = home / "workshop-config"
    shutil.copytree(WORKSHOP_CONFIG, config)  # a copy: the test must not write into the repository
    with jupyterlab_server(home, extra_args=["--LabApp.custom_css=True"],
                           extra_env={"JUPYTER_CONFIG_DIR": str(config), "UPPERBACK_PROJECTOR": "1"}) as server:
        yield server


def slide_count(name: str) -> int:
    cells = json.loads((ROOT / "notebooks" / name).read_text())["cells"]
    return sum(cell["metadata"]["slideshow"]["slide_type"] == "slide" for cell in cells)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_lesson_opens_as_a_slideshow_offline(page, workshop, name):
    base, token = workshop
    page.goto(f"{base}/rise/notebooks/{name}?token={token}")
    page.wait_for_function("n => document.querySelectorAll('.reveal .slides > section').length >= n",
                           arg=slide_count(name))
    assert page.locator(".reveal .slides > section").count() == slide_count(name)
    page.locator(".reveal .slides > section").first.get_by_role("heading").first.wait_for()
    page.screenshot(path=SHOTS / f"{Path(name).stem}-slides.png")


@pytest.mark.parametrize("name", LIVE_LESSONS)
def test_every_explorer_can_be_shown_large_and_moved_in_workshop_mode(page, workshop, name):
    base, token = workshop
    page.goto(f"{base}/doc/tree/notebooks/{name}?reset&token={token}")
    page.wait_for_function(NOTEBOOK_READY)
    assert page.evaluate("() => window.jupyterapp.shell.mode") == "single-document"
    body_text = page.locator(".jp-RenderedMarkdown p").first
    assert float(body_text.evaluate("p => getComputedStyle(p).fontSize").rstrip("px")) >= 20
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    assert page.evaluate(MODEL_SUMMARY)["errors"] == []
    explorers = page.locator(".upperback-explorer")
    assert explorers.count() > 0
    for index in range(explorers.count()):
        explorer = explorers.nth(index)
        explorer.scroll_into_view_if_needed()
        image = explorer.locator("img").first
        page.wait_for_function("img => img.naturalWidth > 100", arg=image.element_handle())
        handle = explorer.locator(".noUi-handle").last
        before = image.get_attribute("src")
        handle.focus()
        handle.press("ArrowRight")
        page.wait_for_function("([img, before]) => img.getAttribute('src') !== before",
                               arg=[image.element_handle(), before])
    page.screenshot(path=SHOTS / f"{Path(name).stem}-workshop.png")
