"""Export every lesson to a standalone HTML handout that works opened from disk, with no network.

    python -m upperback.handouts handouts      (or: make handouts)

Each lesson is run from a fresh kernel (with a throwaway data folder, so nobody's saved answers appear;
this process's own environment is left as it was), then written as HTML with the diagrams embedded as data addresses. Live widgets become their printable stand-ins: the
explorer's picture at its starting settings with its caption, the self-check questions with boxes to tick.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from upperback.figures.rendering import data_uri
from upperback.models.course.lessons import LESSONS
from upperback.pages.printables import workshop_pages

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
TEMPLATE_DIR = Path(__file__).parent / "handout_templates"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def for_print(notebook) -> None:
    """Drop speaker notes; keep each widget's printable stand-in and drop the live view, which needs a kernel."""
    notebook.metadata.pop("widgets", None)
    notebook.cells = [cell for cell in notebook.cells
                      if cell.metadata.get("slideshow", {}).get("slide_type") != "notes"]
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)


def run_lesson(path: Path, data_dir: Path):
    """The lesson executed in a fresh kernel whose answers and log go to ``data_dir``, read close up."""
    notebook = nbformat.read(path, as_version=4)
    kernel_env = {**os.environ, "UPPERBACK_DATA_DIR": str(data_dir)}
    kernel_env.pop("UPPERBACK_PROJECTOR", None)  # handouts are read close up, not projected
    NotebookClient(notebook, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(path.parent)}}).execute(env=kernel_env)
    return notebook


def export_lesson(notebook, path: Path, folder: Path) -> Path:
    """Write the executed ``notebook`` (read from ``path``) as ``folder/<name>.html``."""
    for_print(notebook)
    lesson = next((entry for entry in LESSONS if entry.notebook == path.name), None)
    if lesson is not None:  # the page's <title>: what a screen reader and a browser tab announce
        notebook.metadata["title"] = f"Lesson {lesson.number:02d}: {lesson.title}"
    exporter = HTMLExporter(template_name="handout", extra_template_basedirs=[str(TEMPLATE_DIR)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            exclude_anchor_links=True)  # a "¶" after each heading is read aloud
    html, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"path": str(path.parent),
                                                                             "name": path.stem}})
    for lesson in LESSONS:  # links between lessons point at the other handouts
        html = html.replace(f'href="{lesson.notebook}', f'href="{handout_name(lesson)}')
    html = re.sub(r'src="(\.\./assets/[^"]+)"', lambda found: f'src="{data_uri(path.parent / found[1])}"', html)
    target = folder / f"{path.stem}.html"
    target.write_text(html, encoding="utf-8")
    return target


def handout_name(lesson) -> str:
    return lesson.notebook.removesuffix(".ipynb") + ".html"



def export_workshop_pages(folder: Path) -> list[Path]:
    """The cue card and a scoring key for every self-check, beside the lesson handouts."""
    written = []
    for name, html in workshop_pages().items():
        (folder / name).write_text(html, encoding="utf-8")
        written.append(folder / name)
    return written


def export_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="upperback-handouts-") as data_dir:
        paths = [NOTEBOOKS / lesson.notebook for lesson in LESSONS]
        lessons = [export_lesson(run_lesson(path, Path(data_dir)), path, folder) for path in paths]
    return lessons + export_workshop_pages(folder)
