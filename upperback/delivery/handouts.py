"""Export every lesson to a standalone HTML handout that works opened from disk, with no network.

    python -m upperback.handouts handouts      (or: make handouts)

Each lesson, as the installed course holds it (delivery/lesson_files.py: a wheel works as a checkout does), is
run from a fresh kernel in a throwaway folder (its data folder too, so nobody's saved answers appear; this
process's own environment is left as it was), then written as HTML with the diagrams embedded as data addresses.
Live widgets become their printable stand-ins: the explorer's picture at its starting settings with its caption,
the self-check questions with boxes to tick.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from nbclient import NotebookClient
from nbconvert import HTMLExporter

from upperback.delivery.lesson_files import lesson_diagram, lesson_notebook
from upperback.figures.rendering import data_uri
from upperback.models.course.lessons import LESSONS
from upperback.pages.printables import workshop_pages

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


def run_lesson(name: str, data_dir: Path):
    """The lesson ``name`` (e.g. 00_start_here.ipynb), executed as run_notebook executes it."""
    return run_notebook(lesson_notebook(name), data_dir)


def run_notebook(notebook, data_dir: Path):
    """``notebook`` executed in a fresh kernel working in ``data_dir``, where its answers and log go too; read
    close up."""
    data_dir.mkdir(parents=True, exist_ok=True)  # the kernel starts in it
    kernel_env = {**os.environ, "UPPERBACK_DATA_DIR": str(data_dir)}
    kernel_env.pop("UPPERBACK_PROJECTOR", None)  # handouts are read close up, not projected
    NotebookClient(notebook, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(data_dir)}}).execute(env=kernel_env)
    return notebook


def export_lesson(notebook, name: str, folder: Path) -> Path:
    """Write the executed lesson ``notebook`` (file name ``name``) as ``folder/<name without .ipynb>.html``."""
    for_print(notebook)
    stem = name.removesuffix(".ipynb")
    lesson = next((entry for entry in LESSONS if entry.notebook == name), None)
    if lesson is not None:  # the page's <title>: what a screen reader and a browser tab announce
        notebook.metadata["title"] = f"Lesson {lesson.number:02d}: {lesson.title}"
    exporter = HTMLExporter(template_name="handout", extra_template_basedirs=[str(TEMPLATE_DIR)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            exclude_anchor_links=True)  # a "¶" after each heading is read aloud
    html, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": stem}})
    for lesson in LESSONS:  # links between lessons point at the other handouts
        html = html.replace(f'href="{lesson.notebook}', f'href="{handout_name(lesson)}')
    html = re.sub(r'src="([^"]+)"', lambda found: f'src="{_embedded(found[1])}"', html)
    target = folder / f"{stem}.html"
    target.write_text(html, encoding="utf-8")
    return target


def _embedded(address: str) -> str:
    diagram = lesson_diagram(address)
    return data_uri(diagram) if diagram else address


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
        lessons = [export_lesson(run_lesson(lesson.notebook, Path(data_dir)), lesson.notebook, folder)
                   for lesson in LESSONS]
    return lessons + export_workshop_pages(folder)
