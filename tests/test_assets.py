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


@pytest.mark.slow
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


# Every text of a committed diagram as the browser draws it (its glyphs, not matplotlib's measure of them),
# against the picture's own edges: a word past any edge is cut off in the lessons.
TEXT_PAST_AN_EDGE = """() => {
    const svg = document.querySelector('svg'), frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('g[id^="text_"]')].map(group => {
        const box = group.getBoundingClientRect();
        return {id: group.id, left: box.left - frame.left, top: box.top - frame.top,
                right: frame.right - box.right, bottom: frame.bottom - box.bottom};
    }).filter(edges => Math.min(edges.left, edges.top, edges.right, edges.bottom) < 0);
}"""


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(ASSETS))
def test_no_text_of_a_diagram_reaches_past_its_edges_in_the_browser(page, name):
    page.goto((ASSETS_DIR / name).as_uri())
    assert page.locator("svg g[id^='text_']").count() > 0
    assert page.evaluate(TEXT_PAST_AN_EDGE) == []
