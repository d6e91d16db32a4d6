"""Strip execution counts and outputs from lesson notebooks, keeping those of the cells nbval checks.

    python tools/clean_notebooks.py notebooks/*.ipynb          strip (or: make clean-notebooks)
    python tools/clean_notebooks.py --run notebooks/*.ipynb    run each notebook first, so the checked
                                                               cells get fresh outputs (or: make checked-outputs)
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import nbformat
from notebook_rules import is_checked, is_speaker_notes  # tools/, beside this script

NOISY_METADATA = ("execution", "collapsed", "scrolled", "jupyter")


def run(notebook, folder: Path) -> None:
    from nbclient import NotebookClient  # a test dependency: only needed to refresh checked outputs

    os.environ.setdefault("UPPERBACK_DATA_DIR", tempfile.mkdtemp(prefix="upperback-clean-"))
    NotebookClient(notebook, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(folder)}}).execute()


def clean(path: Path, refresh: bool = False) -> bool:
    notebook = nbformat.read(path, as_version=4)
    before = nbformat.writes(notebook)
    if refresh:
        run(notebook, path.parent)
    counter = 0
    for cell in notebook.cells:
        for key in NOISY_METADATA:
            cell.metadata.pop(key, None)
        if is_speaker_notes(cell):  # folded away for self-study; RISE still shows them in its speaker view
            cell.metadata["jupyter"] = {"source_hidden": True}
        if cell.cell_type != "code":
            continue
        if is_checked(cell):
            counter += 1
            cell.execution_count = counter if refresh else cell.execution_count
            for output in cell.outputs:
                if "execution_count" in output:
                    output["execution_count"] = cell.execution_count
        else:
            cell.outputs = []
            cell.execution_count = None
    notebook.metadata.pop("widgets", None)  # saved widget state is large and goes stale
    notebook.metadata["language_info"] = {"name": "python"}  # the kernel fills in its own version: noise
    after = nbformat.writes(notebook)
    if after != before:
        path.write_text(after + ("" if after.endswith("\n") else "\n"), encoding="utf-8")
    return after != before


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", action="store_true", help="execute first, refreshing checked outputs")
    parser.add_argument("notebooks", nargs="+", type=Path)
    arguments = parser.parse_args()
    for notebook_path in arguments.notebooks:
        if clean(notebook_path, refresh=arguments.run):
            print(f"cleaned {notebook_path}")
