"""Each layer of the package imports only the layers above it (models -> figures -> widgets)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "upperback"
FORBIDDEN = {
    "models": {"matplotlib", "ipywidgets", "upperback.figures", "upperback.widgets", "IPython"},
    "storage.py": {"matplotlib", "ipywidgets", "upperback.figures", "upperback.widgets", "IPython"},
    "figures": {"ipywidgets", "upperback.widgets", "IPython"},
}


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_does_not_import_from_below(layer):
    files = [PACKAGE / layer] if layer.endswith(".py") else sorted((PACKAGE / layer).rglob("*.py"))
    assert files
    for path in files:
        for module in imported_modules(path):
            for forbidden in FORBIDDEN[layer]:
                assert not (module == forbidden or module.startswith(forbidden + ".")), (
                    f"{path.relative_to(PACKAGE)} imports {module}"
                )
