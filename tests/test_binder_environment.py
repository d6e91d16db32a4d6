"""What Binder builds: a fresh environment from exactly requirements.txt (and runtime.txt's Python) must run
every lesson and carry the JupyterLab extensions the course needs, and nothing only the tests use.

The environment is built once per test run (``binder_env`` in the top conftest.py) and nbval runs every
lesson on its kernel, so the lessons are not executed again here."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from harness.browser import ROOT, jupyterlab_server, move_each_slider
from upperback.models.course.lessons import LESSONS

SHOTS = ROOT / "test-artifacts" / "app"
TEST_ONLY = {"pytest", "pytest-xdist", "nbval", "playwright", "ruff", "nbclient", "scipy"}


def requirement_names() -> set[str]:
    names = set()
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(line.split("==")[0].strip().lower())
    return names


def test_requirements_pin_every_package_exactly_and_hold_nothing_test_only():
    lines = [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    packages = [line for line in lines if line and not line.startswith("-")]
    assert all("==" in line for line in packages), packages
    assert not requirement_names() & TEST_ONLY
    assert "-e ." in lines or "." in lines, "the course's own package is installed the way repo2docker does"


def supported_pythons() -> set[str]:
    """The Python versions pyproject.toml says the course is tested on."""
    text = (ROOT / "pyproject.toml").read_text()
    return set(re.findall(r'"Programming Language :: Python :: (3\.\d+)"', text))


def test_runtime_txt_names_a_python_the_course_is_tested_with():
    runtime = (ROOT / "runtime.txt").read_text().strip()
    assert supported_pythons() >= {"3.11", "3.12", "3.13"}
    assert re.fullmatch(r"python-3\.\d+", runtime), runtime
    assert runtime.removeprefix("python-") in supported_pythons(), runtime


def test_this_test_run_uses_a_supported_python():
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in supported_pythons()


def isolated_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "PYTHONPATH"))}
    env.update(UPPERBACK_DATA_DIR=str(tmp_path / "data"), JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTER_DATA_DIR=str(tmp_path / "data-dir"), IPYTHONDIR=str(tmp_path / "ipython"))
    return env


def test_the_lessons_are_run_on_the_binder_environments_kernel(binder_env, pytestconfig):
    """nbval executes every lesson on a kernel of this environment: its run is the Binder check."""
    assert pytestconfig.getoption("nbval_kernel_name") == "upperback-binder"
    assert not pytestconfig.getoption("nbval_current_env")
    from jupyter_client.kernelspec import KernelSpecManager

    assert KernelSpecManager().get_kernel_spec("upperback-binder").argv[0] == str(binder_env)


def test_each_lesson_ran_once_on_the_kernel_side_and_the_other_tests_reused_that_run(
        executed_lessons, lesson_runs, request):
    under_nbval = {Path(str(item.parent.fspath)).name for item in request.session.items
                   if type(item).__name__ == "IPyNbCell"}
    assert set(lesson_runs.run_again).isdisjoint(under_nbval), lesson_runs.run_again


def test_every_lesson_ran_in_the_binder_environment_without_an_error(executed_lessons):
    assert list(executed_lessons) == [lesson.notebook for lesson in LESSONS]
    for name, notebook in executed_lessons.items():
        outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
        assert outputs, f"{name}: nothing was printed or shown"
        errors = [f"{output.ename}: {output.evalue}" for output in outputs if output.output_type == "error"]
        assert errors == [], f"{name}: {errors}"


def test_the_binder_environment_has_the_widget_and_slideshow_extensions(binder_env, tmp_path):
    result = subprocess.run([binder_env, "-m", "jupyter", "labextension", "list"], cwd=ROOT,
                            env=isolated_env(tmp_path), capture_output=True, text=True, check=False)
    listing = result.stdout + result.stderr
    for extension in ("@jupyter-widgets/jupyterlab-manager", "jupyterlab-rise"):
        lines = [line for line in listing.splitlines() if extension in line]
        assert lines and all("enabled" in line and "OK" in line for line in lines), listing[-2000:]
    freeze = subprocess.run([binder_env, "-m", "pip", "list", "--format=json"], capture_output=True, text=True,
                            check=True).stdout
    installed = {package["name"].lower() for package in json.loads(freeze)}
    assert not installed & (TEST_ONLY - {"nbclient"}), "test tools must not reach the Binder image"


def test_the_environment_does_without_jsonschemas_slow_iri_checker(binder_env):
    """postBuild (Binder runs it, and make after every install) takes rfc3987-syntax out again: it compiled 35
    parsers at every Jupyter server's start. The server's own imports then take well under a second."""
    assert os.access(ROOT / "postBuild", os.X_OK), "repo2docker runs postBuild only when it is executable"
    probe = ("import importlib.util, time; started = time.process_time(); import jupyter_server.serverapp; "
             "print(importlib.util.find_spec('rfc3987_syntax') is None, time.process_time() - started)")
    gone, seconds = subprocess.run([binder_env, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert gone == "True", "rfc3987-syntax is back in the environment"
    assert float(seconds) < 1.2, f"a Jupyter server's imports took {seconds} s of CPU"


def test_a_workshop_laptop_installs_from_the_wheelhouse_with_no_index(binder_home):
    """The environment above was built by `make wheelhouse` and `make … WHEELHOUSE=…`: no index was asked."""
    makefile = (ROOT / "Makefile").read_text()
    assert "--no-index --find-links $(WHEELHOUSE)" in makefile
    files = list((binder_home / "wheelhouse").iterdir())
    names = {path.name.split("-")[0].lower() for path in files}
    assert all(path.suffix == ".whl" for path in files), "packages only: the course installs from its checkout"
    assert {"jupyterlab", "ipywidgets", "matplotlib", "setuptools"} <= names


@pytest.mark.browser
def test_binders_app_link_opens_lesson_00_through_the_jupyter_server(page, binder_env, tmp_path):
    """The README's Binder link to the app, served as Binder serves it: the fresh environment built from
    requirements.txt, the repository's `start` script, Voila as an extension of the Jupyter server."""
    readme = (ROOT / "README.md").read_text()
    link = re.search(r"https://mybinder\.org/v2/gh/\S+?\?urlpath=(voila/render/[^`\s]+)", readme)
    assert link, "the README gives a Binder link that opens the app"
    with jupyterlab_server(tmp_path, python=binder_env,
                           extra_env={"UPPERBACK_DATA_DIR": str(tmp_path / "data")}) as (base, token):
        page.set_viewport_size({"width": 1280, "height": 720})
        page.goto(f"{base}/{link[1]}?token={token}")
        page.wait_for_selector("#rendered_cells", state="visible", timeout=90_000)
        assert "from upperback" not in page.locator("#rendered_cells").inner_text()
        explorer = page.locator(".upperback-explorer").first
        explorer.scroll_into_view_if_needed()
        move_each_slider(page, explorer, unchanged="() => location.href")
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / "binder-app-00_start_here.png")
