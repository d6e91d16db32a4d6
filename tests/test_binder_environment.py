"""What Binder builds: a fresh environment from exactly requirements.txt (and runtime.txt's Python) must run
every lesson and carry the JupyterLab extensions the course needs, and nothing only the tests use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_ONLY = {"pytest", "nbval", "playwright", "ruff", "nbclient"}
RUN_EVERY_LESSON = """
import sys, nbformat
from pathlib import Path
from nbclient import NotebookClient
for path in sorted(Path("notebooks").glob("[0-9][0-9]_*.ipynb")):
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    print("ran", path.name)
"""


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


def test_runtime_txt_names_the_python_the_course_is_tested_with():
    runtime = (ROOT / "runtime.txt").read_text().strip()
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}"


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory):
    """A fresh virtual environment with exactly what Binder installs."""
    folder = tmp_path_factory.mktemp("binder-env")
    venv.create(folder, with_pip=True)
    python = folder / "bin" / "python"
    install = subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                              "-r", "requirements.txt"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert install.returncode == 0, install.stderr[-3000:]
    return python


def isolated_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "PYTHONPATH"))}
    env.update(UPPERBACK_DATA_DIR=str(tmp_path / "data"), JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTER_DATA_DIR=str(tmp_path / "data-dir"), IPYTHONDIR=str(tmp_path / "ipython"))
    return env


def test_every_lesson_runs_in_the_binder_environment(binder_env, tmp_path):
    result = subprocess.run([binder_env, "-c", RUN_EVERY_LESSON], cwd=ROOT, env=isolated_env(tmp_path),
                            capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    lessons = sorted(path.name for path in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert result.stdout.split() == [word for name in lessons for word in ("ran", name)]


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
