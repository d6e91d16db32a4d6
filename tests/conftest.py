"""Fixtures of the browser tests: Debian's Chromium driven by Playwright, and a page that fails the test on
any request leaving this machine (workshop rooms are often offline)."""

from urllib.parse import urlparse

import pytest
from browser_support import CHROMIUM_FLAGS, LOOPBACK, chromium_or_skip


@pytest.fixture(scope="session")
def browser():
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A page that may reach only this machine: loopback, files on disk, data and blob addresses."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []

    def only_this_machine(route):
        url = route.request.url
        if url.startswith(("data:", "blob:", "file:")) or (urlparse(url).hostname or "") in LOOPBACK:
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", only_this_machine)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()
    assert not outside, f"requests left this machine: {outside}"
