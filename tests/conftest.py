"""Fixtures of the browser tests: Debian's Chromium driven by Playwright, one JupyterLab server for the
whole run, and a page that fails the test on any request leaving this machine (workshop rooms are often
offline)."""

import shutil

import pytest

from harness.browser import (
    CHROMIUM_FLAGS,
    ROOT,
    app_server,
    browser_for_tests_or_skip,
    jupyterlab_server,
    page_on_this_machine,
)


@pytest.fixture(scope="session")
def browser():
    executable = browser_for_tests_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory, browser):  # asks for the browser first, so a machine without one skips at once
    """JupyterLab with the workshop's configuration, as `make present` starts it: the full interface looks as
    in `make lab`, and the Simple Interface gets the workshop's large type. One server for every browser test,
    so each lesson runs once: self-study, workshop mode and slides are checked on the same run."""
    home = tmp_path_factory.mktemp("lab")
    config = home / "workshop-config"
    shutil.copytree(ROOT / "workshop" / "jupyter-config", config)  # a copy: tests never write into the repo
    # a learner data folder of its own: the answers saved here must not reach nbval's runs of the lessons
    with jupyterlab_server(home, extra_args=["--LabApp.custom_css=True"],
                           extra_env={"JUPYTER_CONFIG_DIR": str(config),
                                      "UPPERBACK_DATA_DIR": str(home / "learner-data")}) as server:
        yield server


@pytest.fixture(scope="session")
def app(tmp_path_factory, browser):
    """The code-free app as `make app` starts it, once for every app and slides test; its learner data folder."""
    home = tmp_path_factory.mktemp("app")
    with app_server(home, home / "learner-data") as base:
        yield base, home / "learner-data"


@pytest.fixture
def page(browser):
    """A page that may reach only this machine: loopback, files on disk, data and blob addresses."""
    with page_on_this_machine(browser) as page:
        yield page


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}


@pytest.fixture
def phone(browser):
    """The same, on a phone: 390x844 CSS px, touch, 3 device pixels per CSS px."""
    with page_on_this_machine(browser, **PHONE) as page:
        yield page
