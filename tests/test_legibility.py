"""Every diagram can be read: no text on top of other text, no drawn line through a label, nothing cut off
at the edge, and every text at least 4.5:1 against the white page (WCAG AA), coloured labels included. Checked from matplotlib's own geometry (each text's window extent, each line's path), for every
asset and every live figure at its starting settings and at the ends of its sliders, in normal and
projector sizes."""

from __future__ import annotations

import pytest

from harness.legibility import legibility_problems
from upperback.figures import style
from upperback.figures.assets import ASSETS
from upperback.lessons.explorers import EXPLORERS


@pytest.mark.parametrize("name", sorted(ASSETS))
def test_every_asset_is_legible(name):
    with style.series_style(projector=False):
        problems = legibility_problems(ASSETS[name]())
    assert problems == []


def _settings(explorer):
    """The explorer's starting settings, then each slider at its lowest and highest."""
    yield {}
    for key, control in explorer.controls.items():
        for value in (control.positions()[0], control.positions()[-1]):
            yield {key: value}


@pytest.mark.parametrize("projector", [False, True], ids=["normal", "projector"])
@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_every_live_figure_is_legible_at_every_slider_end(name, projector):
    style.set_projector_mode(projector)
    try:
        explorer = EXPLORERS[name]()
        start = explorer.values()
        found = set()
        for change in _settings(explorer):
            explorer.figure.update(**(start | change))
            found.update(f"{change or 'start'}: {problem}" for problem in legibility_problems(explorer.figure.figure))
    finally:
        style.set_projector_mode(False)
    assert sorted(found) == []
