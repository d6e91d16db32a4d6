"""Helpers for the browser tests: find Chromium, and run a JupyterLab server of the tests' own."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from upperback.delivery.ports import free_port  # servers' ports below the kernels' range (why: in there)

ROOT = Path(__file__).resolve().parents[1]
# Any address but this machine's (loopback, files on disk, data and blob addresses).
OFF_THIS_MACHINE = re.compile(r"^(?!(?:data|blob|file):|[a-z]+://(?:127\.0\.0\.1|localhost|\[::1\])(?:[:/?#]|$))")
# Any address off this machine goes to a proxy that is not there (loopback's port 9, discard), so nothing leaves
# it; Chromium never sends loopback addresses through a proxy. The tests' pages also fail on any such request
# (page_on_this_machine); in the benchmarks it only fails in the page.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                  "--proxy-server=http://127.0.0.1:9"]
TOKEN = "upperback-browser-test"
# The open notebook has a kernel that is connected and idle (the status bar says "idle" before it connects).
NOTEBOOK_READY = """() => {
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const context = panel && panel.sessionContext;
    return !!(context && context.isReady && context.session && context.session.kernel
              && context.session.kernel.status === 'idle' && panel.content.widgets.length > 0);
}"""


# Debian's chromium-headless-shell: Chromium's engine without the desktop browser around it (what Playwright
# runs headless by default). A page costs ~40 % less CPU than in `chromium --headless` (measured: 11 against
# 19 CPU-s for four lesson pages of the app; `make test` 800 against 1065 CPU-s, all tests passing on both).
# Its /usr/bin wrapper runs this binary as a child: Playwright starts the binary itself.
HEADLESS_SHELL = Path("/usr/lib/chromium/chromium-headless-shell")


def browser_for_tests_or_skip() -> str:
    """The browser tests' Chromium: the headless shell where installed, else the desktop one."""
    if not os.environ.get("UPPERBACK_CHROMIUM") and HEADLESS_SHELL.exists():
        return str(HEADLESS_SHELL)
    return chromium_or_skip()


def chromium_or_skip() -> str:
    """Chromium as a learner has it (the benchmarks time it), or the one UPPERBACK_CHROMIUM names."""
    found = os.environ.get("UPPERBACK_CHROMIUM") or shutil.which("chromium")
    if found:
        return found
    message = ("Chromium not found: install Debian's chromium (the tests prefer chromium-headless-shell) "
               "or set UPPERBACK_CHROMIUM")
    if os.environ.get("CI"):
        pytest.fail(message + " (CI must run the browser tests)")
    pytest.skip(message)


@contextmanager
def jupyterlab_server(home: Path, extra_args=(), extra_env=None, python=sys.executable):
    """JupyterLab on a free loopback port, started through ``./start`` as `make lab` and Binder start it, with
    every setting and state folder of its own under ``home``; ``python`` picks the environment."""
    settings = home / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    # No news or update checks: they reach out to the internet and pop up over the page.
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    env = isolated_jupyter_env(home)
    env.update(extra_env or {})
    port = free_port()
    command = [
        str(ROOT / "start"), str(python), "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={TOKEN}",
        f"--ServerApp.root_dir={ROOT}", f"--LabApp.workspaces_dir={home / 'workspaces'}",
        f"--LabApp.user_settings_dir={home / 'settings'}", "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=None", "--allow-root", *extra_args,
        f"--FileCheckpoints.root_dir={home / 'checkpoints'}",  # the lessons' checkpoints: never in the repository
    ]
    log_path = home / "server.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(f"{base}/api/status?token={TOKEN}", server, log_path, "JupyterLab")
            yield base, TOKEN
        finally:
            server.terminate()
            server.wait(timeout=20)


def open_and_run_all(page, base: str, token: str, path: str):
    """Open ``path`` (from the server's root folder) in JupyterLab, wait until its kernel is idle and Run All;
    gives back what the command gave (false when a cell stopped the run)."""
    page.goto(f"{base}/lab/tree/{path}?reset&token={token}")
    return run_all_when_ready(page)


def run_all_when_ready(page):
    """Wait until the notebook shown has an idle kernel, then Run All; gives back what the command gave."""
    page.wait_for_function(NOTEBOOK_READY)
    return page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")


# What `make test` installs before any test runs: a make the tests start takes them as they are (make -o),
# never installing anything into the environment it runs in.
INSTALLED = ("runtime.stamp", "class.stamp", "test.stamp")


def make_command(*arguments: str) -> list[str]:
    """A `make` the tests start, on the Python and in the environment running them, which it never changes:
    without PYTHON=, make would take `python3` and rebuild .venv for it in the middle of the run (`make test
    PYTHON=python3.13`); without VENV=, a run from another environment would build a .venv of its own; without
    -o, a stamp older than requirements.txt would reinstall packages (or npm's) under the running tests."""
    keep = [f"--old-file={sys.prefix}/{stamp}" for stamp in INSTALLED] + ["--old-file=node_modules/.package-lock.json"]
    return ["make", "--no-print-directory", *keep, *arguments, f"PYTHON={sys.executable}", f"VENV={sys.prefix}"]


def isolated_jupyter_env(home: Path) -> dict:
    """This process's environment with every Jupyter, IPython and matplotlib folder under ``home``."""
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        env[name] = str(home / name.lower())
    return env


def wait_until_serving(url: str, server: subprocess.Popen, log_path: Path, what: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"{what} did not start:\n" + log_path.read_text()[-3000:])
            time.sleep(0.3)


@contextmanager
def app_server(home: Path, data_dir: Path, target: str = "app"):
    """The code-free app exactly as the README starts it (`make app PORT=…`), with its own folders and a
    learner data folder of its own. The same server shows any lesson as slides with ?template=course-slides.
    ``target="slides"``: `make slides`, whose start page opens the lessons as slides (its data folder is a new
    one under ``home``: the make target makes its own)."""
    env = isolated_jupyter_env(home)
    env["UPPERBACK_DATA_DIR"] = str(data_dir)
    env["TMPDIR"] = str(home)  # where `make slides` makes its throw-away data folder
    port = free_port()
    log_path = home / "app.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(make_command(target, f"PORT={port}"), cwd=ROOT, env=env,
                                  stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_until_serving(f"http://127.0.0.1:{port}/", server, log_path, "make app")
            yield f"http://127.0.0.1:{port}"
        finally:
            os.killpg(server.pid, signal.SIGTERM)  # make and the Voila it started
            server.wait(timeout=20)


@contextmanager
def page_on_this_machine(browser, outside: list[str] | None = None, **options):
    """A page that may reach only this machine (loopback, files on disk, data and blob addresses), in a
    context of its own (``options``: Playwright's, e.g. a phone's viewport); fails on leaving if any request
    was made off the machine (the browser's proxy, CHROMIUM_FLAGS, keeps it from leaving). Requests are
    watched, not routed: Playwright's routing pauses every request for its matcher and turns the page's cache
    off (~12 % more CPU in Chromium for the same pages). ``outside``: a list of the caller's that the
    addresses off the machine go into, for a page kept open over several tests that checks after each."""
    # no service workers: their requests would bypass the context's request event
    context = browser.new_context(**{"viewport": {"width": 1400, "height": 1000}, "service_workers": "block",
                                     **options})
    context.set_default_timeout(60_000)  # every page of it, pop-ups and second tabs too
    outside = [] if outside is None else outside

    def watch(url: str) -> None:
        if OFF_THIS_MACHINE.search(url):
            outside.append(url)

    context.on("request", lambda request: watch(request.url))  # every page and frame of the context
    context.on("page", lambda page: page.on("websocket", lambda socket: watch(socket.url)))
    try:
        yield context.new_page()
    finally:
        context.close()
    assert_nothing_asked_off_this_machine(outside)


def assert_nothing_asked_off_this_machine(outside: list[str]) -> None:
    """Fails if ``outside`` (page_on_this_machine's) holds any address, and empties it: each is reported once."""
    found, outside[:] = list(outside), []
    assert not found, f"requests for addresses off this machine: {found}"


SLIDER = ".upperback-slider input[type=range]"  # the course's own sliders (upperback/widgets/controls.py)


def move_each_slider(page, explorer, unchanged: str) -> None:
    """ArrowRight on every slider of an explorer: each slider is named by its label and says its new value in
    words, the picture or its words change, the picture keeps its alt text, and ``unchanged`` (a JavaScript
    function: JupyterLab's active cell, the page's address, the slide shown) is the same after the key."""
    image, words = explorer.locator(".upperback-picture img").first, explorer.locator(".upperback-caption").first
    image.wait_for()
    page.wait_for_function("img => img.naturalWidth > 100", arg=image.element_handle())
    for handle in explorer.locator(SLIDER).all():
        label = handle.evaluate("input => input.labels[0].textContent")
        assert label and page.get_by_role("slider", name=label).count() >= 1, label
        before = [image.get_attribute("src"), words.inner_text(), handle.get_attribute("aria-valuetext")]
        handle.focus()  # in JupyterLab focus makes its cell the active one; the key must leave that alone
        state = page.evaluate(unchanged)
        handle.press("ArrowRight")
        # A one-step move may shift the picture by less than a pixel; then the words must change. A picture
        # sent ahead comes as an image of its own (picture.js): look for the one shown now.
        page.wait_for_function(
            "([explorer, text, before]) => explorer.querySelector('.upperback-picture img').getAttribute('src')"
            " !== before[0] || text.innerText !== before[1]",
            arg=[explorer.element_handle(), words.element_handle(), before])
        assert handle.get_attribute("aria-valuetext") not in ("", None, before[2]), label
        assert image.get_attribute("alt"), "the picture must say what it shows"
        assert page.evaluate(unchanged) == state, "the key moved the page, not only the slider"


def pdf_sheets(pdf: bytes) -> int:
    """How many sheets a PDF that Chromium printed (page.pdf) takes: its page objects."""
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_faults(page, scope: str = "body") -> list[str]:
    """axe-core's serious and critical findings inside ``scope`` (a CSS selector), one line per element.
    axe comes from npm (package.json, `npm ci`) and runs inside the page: nothing leaves the machine."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT.relative_to(ROOT)} is missing: run `npm ci` (make test does)")
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        """async scope => {
            const found = await axe.run({include: Array.from(document.querySelectorAll(scope))},
                                        {resultTypes: ['violations']});
            return found.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => `${v.impact} ${v.id}: ${n.target.join(' ')} (${v.help})`));
        }""", scope)
    return results


def answer_by_keyboard_alone(page, form, unchanged: str):
    """Tab into each question, try the arrow keys, choose the first option with Space, Tab on to the
    Check button and press it: no mouse, and the page's own keys never fire (``unchanged``, a JavaScript
    function, gives the same value throughout: JupyterLab's active cell, the slide shown)."""
    questions = form.get_by_role("group").all()
    assert questions, "the questions must be named groups"
    questions[0].get_by_role("radio").first.focus()
    before = page.evaluate(unchanged)
    for question in questions:
        first = question.get_by_role("radio").first
        assert first.evaluate("input => input === document.activeElement"), "Tab must lead to the next question"
        page.keyboard.press("ArrowDown")  # moves within the group (and chooses the second option)...
        assert question.get_by_role("radio").nth(1).is_checked()
        page.keyboard.press("ArrowUp")  # ...and back
        page.keyboard.press("Space")
        assert first.is_checked()
        page.keyboard.press("Tab")
    button = form.get_by_role("button", name="Check my answers")
    assert button.evaluate("b => b === document.activeElement"), "Tab must lead from the last question to Check"
    outline = button.evaluate("b => getComputedStyle(b).outlineStyle + ' ' + getComputedStyle(b).outlineWidth")
    assert outline.startswith("solid 3px"), f"a visible focus ring, not {outline}"
    page.keyboard.press("Space")
    assert page.evaluate(unchanged) == before, "a key reached the page's own shortcuts"


# The kernel's messages as JupyterLab receives them around a key press: when the move the key sent has been
# answered and everything drawn for it sent (its "idle"), and whether the explorer's picture changed before
# any answer to the next move came (a picture sent ahead: upperback/widgets/web/picture.js).
# ANSWERS calls ``heard(msg)`` for each message whose parent is the move the next key press sends (not a late
# one for an earlier move), and gives back the function that stops listening.
ANSWERS = """(heard) => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    let pressed = false, move = null;
    window.addEventListener('keydown', () => { pressed = true; }, {capture: true, once: true});
    const listen = (_, args) => {
        if (args.direction === 'send') { if (pressed && move === null) move = args.msg.header.msg_id; }
        else if (move !== null && args.msg.parent_header && args.msg.parent_header.msg_id === move) heard(args.msg);
    };
    kernel.anyMessage.connect(listen);
    return () => kernel.anyMessage.disconnect(listen);
}"""
MOVE_ANSWERED = """() => { window.__answered = new Promise(resolve => {
    const stop = (""" + ANSWERS + """)(msg => {
        if (msg.header.msg_type === 'status' && msg.content.execution_state === 'idle') { stop(); resolve(true); }
    });
    setTimeout(() => { stop(); resolve(false); }, 15000);
}); }"""
SHOWN_BEFORE_ANSWER = """([explorer]) => {
    const picture = () => explorer.querySelector('.upperback-picture img');
    const before = picture(), src = before.src;
    let answered = false;
    const stop = (""" + ANSWERS + """)(() => { answered = true; });
    window.__shownBeforeAnswer = new Promise(resolve => {
        const observer = new MutationObserver(() => {
            if (picture() === before && picture().src === src) return;
            observer.disconnect(); stop(); resolve(!answered);
        });
        observer.observe(explorer, {subtree: true, childList: true, attributes: true});
    });
}"""


def assert_the_next_picture_is_there_before_the_kernel_answers(page, explorer) -> None:
    """A step with an explorer's last slider makes the kernel send the pictures further on; the next step
    shows its picture before any message from the kernel answers it (JupyterLab only: jupyterapp)."""
    handle = explorer.locator(SLIDER).last
    key = handle.evaluate("h => Number(h.value) + 2 * Number(h.step) <= Number(h.max) ? 'ArrowRight' : 'ArrowLeft'")
    handle.focus()
    page.evaluate(MOVE_ANSWERED)
    handle.press(key)
    assert page.evaluate("() => window.__answered"), "the kernel did not answer the move"
    page.evaluate(SHOWN_BEFORE_ANSWER, [explorer.element_handle()])
    handle.press(key)
    assert page.evaluate("() => window.__shownBeforeAnswer"), "the next picture waited for the kernel"


def record_websocket_frames_sent(page) -> list[int]:
    """The size of every websocket message the page sends from now on (its kernels' websockets)."""
    sizes: list[int] = []
    page.on("websocket", lambda socket: socket.on("framesent", lambda payload: sizes.append(len(payload))))
    return sizes


def upload_an_ultra_and_a_file_too_big(page, runs, folder: Path, sent: list[int], shots: Path) -> None:
    """Lesson 05's upload button, as a learner uses it: a 16-hour GPX (15.6 MB, over tornado's default
    websocket limit) is imported with its figures, then deleted; a 60 MB file is refused in the page and never
    sent. ``sent``: the sizes of the websocket messages the page sent (record_websocket_frames_sent)."""
    from harness.watch_files import gpx, made_run

    runs.scroll_into_view_if_needed()
    ultra = made_run(16, pauses=((4 * 3600, 600),))
    path = folder / "ultra-16-hours.gpx"
    path.write_bytes(gpx(ultra))
    chooser = runs.locator("input[type=file]")
    assert chooser.evaluate("input => input.labels[0].textContent") == "Upload a run"
    chooser.set_input_files(path)
    runs.get_by_text("Imported ultra-16-hours.gpx").wait_for(timeout=120_000)
    summary = runs.get_by_text(f"{ultra.elapsed_s / 60:.0f} minutes, {ultra.distance_m / 1000:.2f} km, "
                               f"cadence {ultra.cadence_spm_median(halves=False):.0f} steps a minute")
    summary.wait_for()
    assert max(sent) > path.stat().st_size, "the file went to the kernel in one message"
    runs.locator(".upperback-upload-status").wait_for(state="hidden")  # "Sending…" is gone
    summary.scroll_into_view_if_needed()
    page.screenshot(path=shots / "05_your_runs-ultra-imported.png")
    runs.get_by_role("button", name="Delete this run").click()  # the other tests' latest run stays theirs
    runs.get_by_text("Deleted ultra-16-hours.gpx").wait_for()  # other tests' runs may stay listed
    runs.get_by_role("button", name="Undo the delete").wait_for()  # a delete is never silent or final at once

    too_big = folder / "three-days.gpx"
    too_big.write_bytes(b"<gpx>" + b" " * 60_000_000 + b"</gpx>")
    before = len(sent)
    chooser.set_input_files(too_big)
    problem = runs.get_by_role("alert").filter(has_text="three-days.gpx: this file is 61 MB; the course can read "
                                                        "files up to 50 MB. A FIT export of the same run is many "
                                                        "times smaller; nothing was imported.")
    problem.wait_for()
    page.wait_for_timeout(1000)  # anything sent would be on its way by now
    assert all(size < 100_000 for size in sent[before:]), "the file too big was sent anyway"
    assert runs.locator(".upperback-upload-status").is_hidden()
    problem.scroll_into_view_if_needed()
    page.screenshot(path=shots / "05_your_runs-60-mb-refused.png")
