"""Every diagram can be read: no text on top of other text, no drawn line through a label, nothing cut off
at the edge, and every text at least 4.5:1 against the white page (WCAG AA), coloured labels included. Checked from matplotlib's own geometry (each text's window extent, each line's path), for every
asset and every live figure at its starting settings and at the ends of its sliders, in normal and
projector sizes. A live figure's narrow layout (a phone) is checked the same way, and its smallest words must
come out at 11 CSS px or more at the width a phone shows it."""

from __future__ import annotations

import pytest

from harness.legibility import legibility_problems, smallest_text_px
from upperback.figures import style
from upperback.figures.assets import ASSETS, NARROW
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


PHONE_PX = (390, 844)  # a phone's viewport, CSS px
PICTURE_MAX_HEIGHT = 0.62  # of the viewport's height (web/course.css): a taller picture would be shrunk


@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_every_live_figure_has_a_narrow_layout_a_phone_can_read(name):
    """Drawn for a phone's width: legible at every slider end, its smallest words at least 11 CSS px where a
    phone shows it, and short enough to be shown at that width, not shrunk to the screen's height."""
    explorer = EXPLORERS[name]()
    narrow, start = explorer.figure.narrow(), explorer.values()
    assert narrow.figure.get_figwidth() == style.NARROW_WIDTH_IN
    width_in, height_in = narrow.figure.get_size_inches()
    assert height_in / width_in * style.NARROW_SHOWN_PX <= PICTURE_MAX_HEIGHT * PHONE_PX[1]
    found, smallest = set(), []
    for change in _settings(explorer):
        narrow.update(**(start | change))
        found.update(f"{change or 'start'}: {problem}" for problem in legibility_problems(narrow.figure))
        smallest.append(smallest_text_px(narrow.figure, style.NARROW_SHOWN_PX))
    assert sorted(found) == []
    assert min(smallest) >= style.SMALLEST_TEXT_PX


def test_a_wide_figure_on_a_phone_is_what_the_narrow_layout_is_for():
    """The measure itself: the wide pendulum, shown at a phone's width, has words of about 5 CSS px."""
    explorer = EXPLORERS["01 pendulum"]()
    assert smallest_text_px(explorer.figure.figure, 360) < 7
    assert smallest_text_px(explorer.figure.narrow().figure, 360) >= style.SMALLEST_TEXT_PX


def test_a_narrow_layout_ignores_projector_mode():
    """A phone is held close: its layout keeps the normal type, which is what its width was chosen for."""
    style.set_projector_mode(True)
    try:
        narrow = EXPLORERS["01 pendulum"]().figure.narrow()
        assert style.projector_mode(), "projector mode is back on for the wide pictures"
    finally:
        style.set_projector_mode(False)
    assert legibility_problems(narrow.figure) == []
    assert smallest_text_px(narrow.figure, style.NARROW_SHOWN_PX) < 14  # normal type: 12 pt, not 17


@pytest.mark.parametrize("name", sorted(NARROW))
def test_every_narrow_diagram_a_phone_can_read(name):
    """A diagram's phone layout: as wide as a phone shows it, its smallest words at least 11 CSS px there
    (legible like every asset: test_every_asset_is_legible)."""
    with style.series_style(projector=False):
        figure = NARROW[name]()
    assert figure.get_figwidth() == style.NARROW_WIDTH_IN
    assert smallest_text_px(figure, style.NARROW_SHOWN_PX) >= style.SMALLEST_TEXT_PX
