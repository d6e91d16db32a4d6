"""Strip execution counts and outputs from lesson notebooks, keeping those of cells nbval checks.

    python tools/clean_notebooks.py notebooks/*.ipynb      (or: make clean-notebooks)

To refresh a checked cell's stored output, run the notebook in JupyterLab, save, then run this.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).parent))
from notebook_rules import is_checked

NOISY_METADATA = ("execution", "collapsed", "scrolled", "jupyter")


def clean(path: Path) -> bool:
    notebook = nbformat.read(path, as_version=4)
    before = nbformat.writes(notebook)
    for cell in notebook.cells:
        for key in NOISY_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code" and not is_checked(cell):
            cell.outputs = []
            cell.execution_count = None
    notebook.metadata.pop("widgets", None)  # saved widget state is large and goes stale
    after = nbformat.writes(notebook)
    if after != before:
        path.write_text(after + ("" if after.endswith("\n") else "\n"), encoding="utf-8")
    return after != before


if __name__ == "__main__":
    for name in sys.argv[1:]:
        if clean(Path(name)):
            print(f"cleaned {name}")
