"""Every diagram can be read: no text on top of other text, no drawn line through a label, nothing cut off
at the edge, and every text at least 4.5:1 against the white page (WCAG AA), coloured labels included. Checked from matplotlib's own geometry (each text's window extent, each line's path), for every
asset and every live figure at its starting settings and at the ends of its sliders, in normal and
projector sizes. A live figure's narrow layout (a phone) is checked the same way, and its smallest words must
come out at 11 CSS px or more at the width a phone shows it."""

from __future__ import annotations

import itertools

import pytest
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.path import Path
from matplotlib.spines import Spine
from matplotlib.text import Text

from upperback.figures import style
from upperback.figures.assets import ASSETS, NARROW
from upperback.lessons.explorers import EXPLORERS

SLACK_PX = 1.5  # anti-aliasing: boxes that only touch are fine


def _drawn(artist):
    """The artists matplotlib really draws: visible ones, and of an axis only the ticks inside its view."""
    if not artist.get_visible():
        return
    if isinstance(artist, Axes) and not artist.axison:
        children = [child for child in artist.get_children() if not isinstance(child, Axis)]
    elif isinstance(artist, Axis):
        ticks = artist._update_ticks()  # the ticks Axis.draw draws: those within the view limits
        children = [part for tick in ticks for part in (tick.label1, tick.label2)]
        children += [artist.label, artist.offsetText]
    else:
        children = artist.get_children()
    yield artist
    for child in children:
        yield from _drawn(child)


def _texts(figure, renderer):
    shown = [t for t in _drawn(figure) if isinstance(t, Text) and t.get_text().strip()]
    # Text.get_window_extent, not the annotation's own: an annotation's box also holds its arrow
    return [(t, Text.get_window_extent(t, renderer).padded(-SLACK_PX)) for t in shown]


def _strokes(figure):
    """Every drawn line and every outlined shape, as (axes, artist, path in pixels)."""
    for ax in figure.axes:
        if not ax.get_visible():
            continue
        for line in ax.lines:
            if line.get_visible() and line.get_linestyle() not in ("None", "none", "") and len(line.get_xdata()):
                yield ax, line, Path(line.get_transform().transform(line.get_xydata()))
        for spine in ax.spines.values():
            if spine.get_visible() and ax.axison:
                yield ax, spine, spine.get_transform().transform_path(spine.get_path())
        for patch in ax.patches:
            if patch.get_visible() and patch.get_linewidth() > 0 and patch.get_edgecolor()[3] > 0:
                yield ax, patch, patch.get_transform().transform_path(patch.get_path())


def legibility_problems(figure) -> list[str]:
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = _texts(figure, renderer)
    problems = []
    page = figure.bbox  # every edge, with no slack: a glyph past it is cut off
    for text, box in texts:
        if not (page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1):
            problems.append(f"cut off at the edge: {text.get_text()!r}")
    for text, _box in texts:
        ratio = style.contrast_on_white(to_rgb(text.get_color()))
        if ratio < 4.5:
            problems.append(f"text at {ratio:.2f}:1 contrast: {text.get_text()!r} in {text.get_color()}")
    for (first, a), (second, b) in itertools.combinations(texts, 2):
        if a.overlaps(b) and a.width > 0 and b.width > 0:
            problems.append(f"text on text: {first.get_text()!r} and {second.get_text()!r}")
    for ax, stroke, path in _strokes(figure):
        for text, box in texts:
            clipped = stroke.get_clip_on() and not isinstance(stroke, Spine)  # spines are the clip's own edge
            where = _clipped(box, ax.bbox) if clipped else box
            if where is not None and path.intersects_bbox(where, filled=False):
                problems.append(f"a {type(stroke).__name__} ({stroke.get_label()!r}) crosses {text.get_text()!r}")
    return problems


def _clipped(box, clip):
    x0, y0, x1, y1 = max(box.x0, clip.x0), max(box.y0, clip.y0), min(box.x1, clip.x1), min(box.y1, clip.y1)
    from matplotlib.transforms import Bbox
    return Bbox([[x0, y0], [x1, y1]]) if x0 < x1 and y0 < y1 else None


@pytest.mark.parametrize("name", sorted(ASSETS))
def test_every_asset_is_legible(name):
    with style.series_style(projector=False):
        problems = legibility_problems(ASSETS[name]())
    assert problems == []


def _settings(explorer):
    """The explorer's starting settings, then each slider at its lowest and highest."""
    yield {}
    for key, control in explorer.controls.items():
        if hasattr(control, "options"):
            values = [control.options[0], control.options[-1]]
            values = [v[1] if isinstance(v, tuple) else v for v in values]
        else:
            values = [control.min, control.max]
        for value in values:
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


def smallest_text_points(figure) -> float:
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return min(text.get_fontsize() for text, _box in _texts(figure, canvas.get_renderer()))


def smallest_text_px(figure, shown_px: float) -> float:
    """The smallest words in ``figure`` in CSS px when it is shown ``shown_px`` wide: a point is 1/72 inch of
    the figure's width, whatever its dpi."""
    return smallest_text_points(figure) * shown_px / (72 * figure.get_figwidth())


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
