"""The committed diagrams are exactly what the package draws today, and drawing them is repeatable."""

import re
from pathlib import Path

import pytest

from upperback.figures.assets import ASSETS, write_assets

ASSETS_DIR = Path(__file__).resolve().parents[1] / "assets"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    folder = tmp_path_factory.mktemp("assets")
    write_assets(folder)
    return folder


@pytest.mark.parametrize("name", sorted(ASSETS))
def test_committed_asset_is_up_to_date(name, fresh):
    committed = ASSETS_DIR / name
    assert committed.exists(), f"{name} is missing: run `make assets`"
    assert committed.read_bytes() == (fresh / name).read_bytes(), f"{name} is stale: run `make assets`"


def test_drawing_the_assets_twice_gives_the_same_bytes(fresh, tmp_path):
    write_assets(tmp_path)
    for name in ASSETS:
        assert (tmp_path / name).read_bytes() == (fresh / name).read_bytes(), name


def test_assets_carry_no_date(fresh):
    for name in ASSETS:
        assert not re.search(r"<dc:date>", (fresh / name).read_text()), name


def test_every_committed_asset_is_drawn_by_the_package():
    """Beside the diagrams only the __init__.py that installs the folder as upperback.diagrams."""
    assert {path.name for path in ASSETS_DIR.iterdir() if path.name != "__pycache__"} == {*ASSETS, "__init__.py"}
