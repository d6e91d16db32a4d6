"""Shared by every test, notebook runs under nbval included.

- Never touch a real runner's saved answers: every kernel gets a throwaway data folder.
- Each lesson is executed once on the kernel side: nbval runs it in a fresh environment built from exactly
  ``requirements.txt`` (what Binder installs), installed offline from a wheelhouse as a workshop laptop is,
  and keeps what every cell printed, so the Binder and handout tests check that same run instead of
  executing the lessons again.
- That environment takes a minute or more to build: it is built in the background from the start, while
  the tests that do not need it run; then come the notebooks, then the tests that read their run.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent
BINDER_KERNEL = "upperback-binder"  # the kernel nbval runs the lessons on (pyproject's addopts name it)


class LessonRuns:
    """What nbval's run of each notebook printed, cell by cell; the Binder environment it ran in."""

    def __init__(self):
        self.outputs: dict[str, dict[int, list]] = {}  # notebook file name -> code cell number -> outputs
        self.failed: set[str] = set()
        self.run_again: list[str] = []  # notebooks executed a second time on the kernel side (should be none)
        self.binder_python: Path | None = None
        self.binder_problem: str | None = None
        self.binder_home: Path | None = None
        self.binder_build: threading.Thread | None = None
        self.binder_make: subprocess.Popen | None = None


RUNS = pytest.StashKey[LessonRuns]()


def pytest_configure(config):
    # Set before nbval starts any kernel, so the kernels inherit it.
    os.environ["UPPERBACK_DATA_DIR"] = tempfile.mkdtemp(prefix="upperback-test-data-")
    os.environ.pop("UPPERBACK_PROJECTOR", None)
    config.stash[RUNS] = LessonRuns()


def pytest_unconfigure(config):
    make = config.stash[RUNS].binder_make
    if make is not None and make.poll() is None:  # the tests ended before the environment was needed
        os.killpg(make.pid, signal.SIGTERM)


NEEDS_THE_LESSON_RUNS = {"binder_env", "executed_lessons", "lesson_runs"}


def needs_the_binder_environment(item) -> bool:
    return is_notebook_cell(item) or bool(NEEDS_THE_LESSON_RUNS & set(getattr(item, "fixturenames", ())))


def is_notebook_cell(item) -> bool:
    return type(item).__name__ == "IPyNbCell"


def pytest_collection_modifyitems(session, config, items):
    """The tests that need no Binder environment first, while it is built; then the notebooks; then the tests
    that read what their run printed (the Binder and handout tests). The sort keeps each group's order."""
    items.sort(key=lambda item: (needs_the_binder_environment(item), not is_notebook_cell(item)))
    for item in items:
        if needs_the_binder_environment(item):
            item.add_marker("lesson_runs")  # `make test-fast` leaves these out
    if not config.option.collectonly and any(needs_the_binder_environment(item) for item in items):
        start_building_the_binder_environment(config)


def build_binder_environment(home: Path, runs: LessonRuns) -> Path:
    """Exactly what Binder installs (requirements.txt), built as a workshop laptop with no internet builds it:
    `make wheelhouse`, then `make lab`'s environment from that folder alone. Raises with make's words."""
    folder, wheelhouse = home / "env", home / "wheelhouse"
    settings = [f"WHEELHOUSE={wheelhouse}", f"VENV={folder}"]
    for target in ("wheelhouse", f"{folder}/runtime.stamp"):
        runs.binder_make = subprocess.Popen(["make", "--no-print-directory", target, f"PYTHON={sys.executable}",
                                             *settings], cwd=ROOT,
                                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                            start_new_session=True)  # stopped as a group if the tests end first
        printed, _ = runs.binder_make.communicate()
        if runs.binder_make.returncode != 0:
            raise RuntimeError(f"make {target} failed:\n" + printed[-3000:])
    return folder / "bin" / "python"


def start_building_the_binder_environment(config) -> None:
    runs = config.stash[RUNS]
    if runs.binder_build is None:
        runs.binder_home = Path(tempfile.mkdtemp(prefix="upperback-binder-"))

        def build():
            try:
                runs.binder_python = build_binder_environment(runs.binder_home, runs)
            except RuntimeError as problem:
                runs.binder_problem = str(problem)

        runs.binder_build = threading.Thread(target=build, name="binder-environment", daemon=True)
        runs.binder_build.start()


def binder_python(config) -> Path:
    """The Binder environment's Python (waiting for its build), with a kernel spec nbval can name."""
    runs = config.stash[RUNS]
    start_building_the_binder_environment(config)  # unless it has started already
    runs.binder_build.join()
    if runs.binder_problem:
        pytest.fail(runs.binder_problem)
    spec = runs.binder_home / "jupyter" / "kernels" / BINDER_KERNEL
    if not spec.exists():
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [str(runs.binder_python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Binder environment", "language": "python"}))
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(runs.binder_home / "jupyter"),
                                                                   os.environ.get("JUPYTER_PATH")]))
    return runs.binder_python


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if is_notebook_cell(item):
        binder_python(item.config)  # before nbval starts the notebook's kernel


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    outcome = yield
    if is_notebook_cell(item):
        notebook = Path(str(item.parent.fspath)).name
        item.config.stash[RUNS].outputs.setdefault(notebook, {})[item.cell_num] = item.test_outputs or []
        if outcome.excinfo is not None:
            item.config.stash[RUNS].failed.add(notebook)


@pytest.fixture(scope="session")
def lesson_runs(request) -> LessonRuns:
    return request.config.stash[RUNS]


@pytest.fixture(scope="session")
def binder_env(request) -> Path:
    """The Python of the fresh Binder-like environment (the one nbval ran the lessons in)."""
    return binder_python(request.config)


@pytest.fixture(scope="session")
def executed_lessons(request, binder_env) -> dict:
    """Every lesson as executed on the kernel side, by notebook file name: nbval's run where it ran them
    all (the usual case), otherwise run here once, on the same Binder kernel."""
    import nbformat
    from nbclient import NotebookClient

    from upperback.models.course.lessons import LESSONS

    runs = request.config.stash[RUNS]
    executed = {}
    for lesson in LESSONS:
        if lesson.notebook in runs.failed:
            pytest.fail(f"{lesson.notebook} did not run cleanly under nbval: see its own test")
        path = ROOT / "notebooks" / lesson.notebook
        notebook = nbformat.read(path, as_version=4)
        code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
        printed = runs.outputs.get(lesson.notebook, {})
        if len(printed) == len(code_cells):
            for number, cell in enumerate(code_cells):
                cell.outputs = printed[number]
        else:  # nbval was not asked to run this notebook (a narrower pytest run)
            runs.run_again.append(lesson.notebook)
            fresh = {**os.environ, "UPPERBACK_DATA_DIR": tempfile.mkdtemp(prefix="upperback-rerun-")}
            NotebookClient(notebook, kernel_name=BINDER_KERNEL, timeout=300,  # as nbval: no saved answers
                           resources={"metadata": {"path": str(path.parent)}}).execute(env=fresh)
        executed[lesson.notebook] = notebook
    return executed
