"""The course as an installable package (what a hub image or `pip install .` gives): a wheel built from this
repository carries every file the lessons need, a lesson copied anywhere runs on it, and lesson 00 says
whether the installed package matches the lessons."""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import upperback
from upperback.lessons import start_here

ROOT = Path(__file__).resolve().parents[1]
LESSON_00 = ROOT / "notebooks" / "00_start_here.ipynb"


def test_lesson_00_checks_the_package_against_the_lessons_own_version():
    sources = "".join(cell.source for cell in nbformat.read(LESSON_00, as_version=4).cells)
    calls = re.findall(r'check_installation\("([^"]+)"\)', sources)
    assert calls == [upperback.__version__], "lesson 00 names the version of the lessons, and only once"


def test_a_package_that_does_not_match_the_lessons_says_what_to_do():
    shown = start_here.check_installation("999.0").value
    assert 'role="alert"' in shown and "version 999.0" in shown and upperback.__version__ in shown
    assert "make lab" in shown and "coach" in shown
    assert start_here.check_installation(upperback.__version__).value == "", "a match needs no words"


@pytest.fixture(scope="module")
def wheel(binder_env, binder_home, tmp_path_factory) -> Path:
    """The course built as a wheel, offline: setuptools comes from the Binder environment's wheelhouse. Built
    from the Binder build's copy of the course: a build writes build/ and upperback.egg-info beside the code."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([str(binder_env), "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index",
                    "--find-links", str(binder_home / "wheelhouse"), "--wheel-dir", str(folder),
                    str(binder_home / "course")],
                   check=True, capture_output=True, text=True)
    (built,) = folder.glob("upperback-*.whl")
    return built


def test_the_wheel_carries_every_module_diagram_and_web_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "upperback"
    wanted = {f"upperback/{path.relative_to(package)}" for path in package.rglob("*")
              if path.is_file() and "__pycache__" not in path.parts}
    wanted |= {f"upperback/diagrams/{path.name}" for path in (ROOT / "assets").glob("*.svg")}
    wanted |= {f"upperback/notebooks/{path.name}" for path in (ROOT / "notebooks").glob("*.ipynb")}  # handouts
    assert wanted - names == set()
    assert f"upperback-{upperback.__version__}.dist-info/METADATA" in names
    data = f"upperback-{upperback.__version__}.data/data"
    app = ROOT / "app"  # the app's templates and settings, for a hub's Jupyter folders
    installed = {f"{data}/share/jupyter/{path.relative_to(app)}" for path in (app / "voila").rglob("*") if path.is_file()}
    installed |= {f"{data}/etc/jupyter/upperback/jupyter_server_config.{kind}" for kind in ("json", "py")}
    assert installed - names == set()


def test_a_lesson_copied_anywhere_runs_on_the_installed_wheel(wheel, binder_env, tmp_path):
    """Installed (not editable) into a folder of its own and put first on the kernel's path; the lesson is
    copied alone into an empty folder, far from the repository."""
    site = tmp_path / "site"
    subprocess.run([str(binder_env), "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                    str(wheel)], check=True, capture_output=True, text=True)
    folder = tmp_path / "class" / "lessons"
    folder.mkdir(parents=True)
    notebook = nbformat.read(LESSON_00, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(
        "import upperback, importlib.resources as r\n"
        "from upperback.delivery.lesson_files import lesson_notebook\n"
        "print(upperback.__file__, (r.files('upperback.diagrams') / 'upper_back.svg').is_file(),\n"
        "      len(lesson_notebook('00_start_here.ipynb').cells) > 0)"))
    env = dict(os.environ, PYTHONPATH=str(site), UPPERBACK_DATA_DIR=str(tmp_path / "data"))
    NotebookClient(notebook, kernel_name="upperback-binder", timeout=120,
                   resources={"metadata": {"path": str(folder)}}).execute(env=env)
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    printed = outputs[-1]["text"]
    assert printed.startswith(str(site)) and printed.split()[1:] == ["True", "True"], printed
    (check,) = [cell for cell in notebook.cells if "check_installation" in cell.source]
    model = check.outputs[0]["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
    state = notebook.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"][model]["state"]
    assert state["value"] == "", state["value"]  # a package that did not match would say so here
