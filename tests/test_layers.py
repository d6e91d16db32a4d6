"""The house by role: each folder of the package imports only the layers above it, and nothing sits at the
package root but its face (``__init__.py``).

    models -> storage -> figures -> pages -> widgets -> lessons -> delivery
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "upperback"
LAYERS = ("models", "storage", "figures", "pages", "widgets", "lessons", "delivery")
OUTSIDE = {"models": {"matplotlib", "ipywidgets", "anywidget", "IPython", "platformdirs"},
           "storage": {"matplotlib", "ipywidgets", "anywidget", "IPython"},
           "figures": {"ipywidgets", "anywidget", "IPython"},
           "pages": {"matplotlib", "ipywidgets", "anywidget", "IPython"}}
COMMANDS = ("hub", "handouts", "runs", "experiment")  # folders that keep a command's name: python -m upperback.<name>
DATA = ("sample_runs",)  # folders of files the package ships


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_imports_only_the_layers_above_it(layer):
    below = {f"upperback.{other}" for other in LAYERS[LAYERS.index(layer) + 1:]}
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files
    for path in files:
        for module in imported_modules(path):
            for forbidden in below | OUTSIDE.get(layer, set()):
                assert not (module == forbidden or module.startswith(forbidden + ".")), (
                    f"{path.relative_to(PACKAGE)} imports {module}")


def test_nothing_below_imports_delivery_or_lessons_and_the_commands_only_call_delivery():
    for command in COMMANDS:
        for path in (PACKAGE / command).glob("*.py"):
            modules = [m for m in imported_modules(path) if m.startswith("upperback")]
            assert all(m.startswith("upperback.delivery") for m in modules), (path, modules)


def test_the_package_root_holds_only_its_face_and_folders_by_role():
    files = sorted(p.name for p in PACKAGE.iterdir() if p.is_file())
    assert files == ["__init__.py"]
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == set(LAYERS) | set(COMMANDS) | set(DATA)


def test_every_folder_of_the_package_goes_into_the_wheel():
    """pyproject lists the packages by name: a new folder left off would import in a checkout and be missing from
    an installed course (a hub, a wheel)."""
    import tomllib

    listed = set(tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {".".join(init.parent.relative_to(PACKAGE.parent).parts) for init in PACKAGE.rglob("__init__.py")}
    assert folders <= listed, sorted(folders - listed)
