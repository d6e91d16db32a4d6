"""Shared by every test, notebook runs under nbval included.

- Never touch a real runner's saved answers: every kernel gets a throwaway data folder.
- Each lesson is executed once on the kernel side: nbval runs it in a fresh environment built from exactly
  ``requirements.txt`` (what Binder installs), installed offline from a wheelhouse as a workshop laptop is,
  and keeps what every cell printed, so the Binder and handout tests check that same run instead of
  executing the lessons again.
- That environment takes a minute or more to build: it is built in the background from the start, while
  the tests that do not need it run; then come the notebooks, then the tests that read their run.
- `make test` runs two workers (pytest-xdist): one process builds the environment for the run, each test file
  runs whole on one worker, and the lessons with the tests that read their run share a worker (scope_of).
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent
BINDER_HOME = "UPPERBACK_TEST_BINDER_HOME"  # the run's Binder environment: its folder, in the environment
BINDER_KERNEL = "upperback-binder"  # the kernel nbval runs the lessons on (pyproject's addopts name it)


class LessonRuns:
    """What nbval's run of each notebook printed, cell by cell, and the make building the Binder environment."""

    def __init__(self):
        self.outputs: dict[str, dict[int, list]] = {}  # notebook file name -> code cell number -> outputs
        self.failed: set[str] = set()
        self.run_again: list[str] = []  # notebooks executed a second time on the kernel side (should be none)
        self.binder_make: subprocess.Popen | None = None  # the build's make, when this process runs it


RUNS = pytest.StashKey[LessonRuns]()


def pytest_configure(config):
    # Set before nbval starts any kernel, so the kernels inherit it.
    os.environ["UPPERBACK_DATA_DIR"] = tempfile.mkdtemp(prefix="upperback-test-data-")
    os.environ.pop("UPPERBACK_PROJECTOR", None)
    config.stash[RUNS] = LessonRuns()
    # One Binder environment for the whole run: its folder is chosen here, by the one process (or the xdist
    # controller, before its workers start, so they inherit the name); the workers never build one each.
    if not is_xdist_worker(config):
        os.environ[BINDER_HOME] = tempfile.mkdtemp(prefix="upperback-binder-")


def pytest_unconfigure(config):
    make = config.stash[RUNS].binder_make
    if make is not None and make.poll() is None:  # the tests ended before the environment was needed
        os.killpg(make.pid, signal.SIGTERM)


NEEDS_THE_LESSON_RUNS = {"binder_env", "binder_home", "executed_lessons", "lesson_runs"}
# The test files that read the lessons' run (or use the Binder environment): under xdist they run on the worker
# that ran the lessons, which holds what nbval printed. A test elsewhere that needs them stops the collection.
LESSON_RUN_FILES = ("tests/test_binder_environment.py", "tests/test_handouts.py", "tests/test_install.py")


def needs_the_binder_environment(item) -> bool:
    return is_notebook_cell(item) or bool(NEEDS_THE_LESSON_RUNS & set(getattr(item, "fixturenames", ())))


def is_notebook_cell(item) -> bool:
    return type(item).__name__ == "IPyNbCell"


def is_xdist_worker(config) -> bool:
    return hasattr(config, "workerinput")


def scope_of(nodeid: str) -> str:
    """Where xdist runs a test: with the lessons, or with the rest of its own file (a file's browser tests
    share a server and its data folder, in order)."""
    file = nodeid.split("::", 1)[0]
    return "lessons" if file.startswith("notebooks/") or file in LESSON_RUN_FILES else file


def pytest_collection_modifyitems(session, config, items):
    """The tests that need no Binder environment first, while it is built; then the notebooks; then the tests
    that read what their run printed (the Binder and handout tests). The sort keeps each group's order."""
    items.sort(key=lambda item: (needs_the_binder_environment(item), not is_notebook_cell(item)))
    for item in items:
        if needs_the_binder_environment(item):
            item.add_marker("lesson_runs")  # `make test-fast` leaves these out
            if scope_of(item.nodeid) != "lessons":
                raise pytest.UsageError(f"{item.nodeid} reads the lessons' run: put it in one of {LESSON_RUN_FILES}")
    if is_xdist_worker(config):  # for the controller's scheduler, which sees the tests' names only
        costs: dict[str, float] = {}
        for item in items:
            scope = scope_of(item.nodeid)
            costs[scope] = costs.get(scope, 0) + seconds_expected(item)
        written = Path(os.environ[BINDER_HOME]) / f"{SCOPE_COSTS}.{os.getpid()}"
        written.write_text(json.dumps(costs))
        written.replace(written.with_name(SCOPE_COSTS))  # whole or not at all: both workers write the same


SCOPE_COSTS = "scope-costs.json"


def seconds_expected(item) -> float:
    """A rough cost, from the markers: a class hub or a browser page takes seconds, most tests milliseconds."""
    marks = {mark.name for mark in item.iter_markers()}
    return 20 if "hub" in marks else 8 if "browser" in marks else 2 if "slow" in marks else 0.05


def pytest_collection_finish(session):
    """Start building the Binder environment as soon as the tests that will run are known (after -m and -k:
    `make test-fast` builds none), so it is built while the others run. Under xdist the controller does it."""
    config = session.config
    if not config.option.collectonly and not is_xdist_worker(config) \
            and any(needs_the_binder_environment(item) for item in session.items):
        start_building_the_binder_environment(config)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids):
    """The xdist controller, as a worker's tests are known: lessons to run start the build at once (a test
    that only reads their run starts it when it needs it)."""
    if any(test_id.startswith("notebooks/") for test_id in ids):
        start_building_the_binder_environment(node.config)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`make test`'s workers: whole scopes (scope_of) to whichever worker is free, the costliest first
    (seconds_expected), except that the lessons wait for their environment: a worker given them before it is
    built would sit idle, so until then it takes other work (the lessons go first to whichever is free once
    it is built, or when nothing else is left)."""
    from xdist.scheduler import LoadScopeScheduling

    home = Path(os.environ[BINDER_HOME])

    class ByScope(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return scope_of(nodeid)

        costs: dict[str, float] | None = None  # read once: the workers write them as they collect

        def _assign_work_unit(self, node) -> None:
            if self.costs is None and (home / SCOPE_COSTS).exists():
                self.costs = json.loads((home / SCOPE_COSTS).read_text())
            costs = self.costs or {}
            built = (home / BUILT).exists() or (home / FAILED).exists()
            waiting = [scope for scope in self.workqueue if scope != "lessons" or built] or list(self.workqueue)
            scope = max(waiting, key=lambda name: costs.get(name, 0))  # ties: the first collected
            self.workqueue.move_to_end(scope, last=False)
            super()._assign_work_unit(node)

    return ByScope(config, log)


def build_binder_environment(home: Path, runs: LessonRuns) -> Path:
    """Exactly the packages Binder installs (requirements.txt), built as a workshop laptop with no internet builds
    it: `make wheelhouse` (pip downloads them, as Binder's pip resolves them), then `make lab`'s environment from
    that folder alone (uv installs them, and uv is in it too). Raises with make's words.
    Built from a copy of the course, as Binder clones it: installing the course writes its build files
    (upperback.egg-info) into the copy, never into this checkout, which the running tests read."""
    course, folder, wheelhouse = copy_of_the_course(home / "course"), home / "env", home / "wheelhouse"
    settings = [f"WHEELHOUSE={wheelhouse}", f"VENV={folder}"]
    for target in ("wheelhouse", f"{folder}/runtime.stamp"):
        runs.binder_make = subprocess.Popen(["make", "--no-print-directory", target, f"PYTHON={sys.executable}",
                                             *settings], cwd=course,
                                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                            start_new_session=True)  # stopped as a group if the tests end first
        printed, _ = runs.binder_make.communicate()
        if runs.binder_make.returncode != 0:
            raise RuntimeError(f"make {target} failed:\n" + printed[-3000:])
    return folder / "bin" / "python"


def copy_of_the_course(folder: Path) -> Path:
    """The course's files as a commit would hold them (git's list: tracked, and new ones not ignored)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted but not yet committed is listed too
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    return folder


# The build says how it ended in files of its folder, so any process of the run can wait for it.
STARTED, BUILT, FAILED = "build-started", "build-python", "build-failed"


def start_building_the_binder_environment(config) -> None:
    """Build in a background thread of this process, unless some process of the run has started already."""
    home = Path(os.environ[BINDER_HOME])
    try:
        (home / STARTED).mkdir()  # atomic: one build per run, whichever process asks first
    except FileExistsError:
        return
    runs = config.stash[RUNS]

    def build():
        try:
            (home / BUILT).write_text(str(build_binder_environment(home, runs)))
        except RuntimeError as problem:
            (home / FAILED).write_text(str(problem))

    threading.Thread(target=build, name="binder-environment", daemon=True).start()


def binder_python(config) -> Path:
    """The Binder environment's Python (waiting for its build), with a kernel spec nbval can name."""
    home = Path(os.environ[BINDER_HOME])
    start_building_the_binder_environment(config)  # unless it has started already
    while not (home / BUILT).exists():
        if (home / FAILED).exists():
            pytest.fail((home / FAILED).read_text())
        time.sleep(0.5)
    python = Path((home / BUILT).read_text())
    spec = home / "jupyter" / "kernels" / BINDER_KERNEL
    if not spec.exists():
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Binder environment", "language": "python"}))
    jupyter_path = os.environ.get("JUPYTER_PATH", "").split(os.pathsep)
    if str(home / "jupyter") not in jupyter_path:  # this process's kernels find the spec
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(home / "jupyter"), *jupyter_path]))
    return python


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
def binder_home(binder_env) -> Path:
    """The folder of the run's Binder build (once built): the copy of the course it installed (course/), the
    wheelhouse."""
    return Path(os.environ[BINDER_HOME])


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
