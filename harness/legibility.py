"""Legibility of a matplotlib figure, from matplotlib's own geometry (each text's window extent, each line's
path): no text on top of other text, no drawn line through a label, nothing cut off at the edge, and every
text at least 4.5:1 against the white page (WCAG AA). Used by the legibility tests of every diagram and
explorer, and by lesson 06's chart tests."""

from __future__ import annotations

import itertools

from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.path import Path
from matplotlib.spines import Spine
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from upperback.figures import style

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


class Legibility:
    """What one draw of a figure shows: ``problems`` (words cut off, too faint, on other words or crossed by a
    line) and the size of its smallest words."""

    def __init__(self, figure):
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        texts = _texts(figure, canvas.get_renderer())
        self.figure, self.problems = figure, _problems(figure, texts)
        self._smallest = min((text.get_fontsize() for text, _box in texts), default=None)

    def smallest_points(self) -> float:
        """The smallest words' size; a figure whose words are all gone has no size to pass a test with."""
        if self._smallest is None:
            raise ValueError("the figure shows no words")
        return self._smallest

    def smallest_px(self, shown_px: float) -> float:
        """The smallest words in CSS px when the figure is shown ``shown_px`` wide: a point is 1/72 inch of the
        figure's width, whatever its dpi."""
        return self.smallest_points() * shown_px / (72 * self.figure.get_figwidth())


def legibility_problems(figure) -> list[str]:
    return Legibility(figure).problems


def _problems(figure, texts) -> list[str]:
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
    return Bbox([[x0, y0], [x1, y1]]) if x0 < x1 and y0 < y1 else None


def smallest_text_points(figure) -> float:
    return Legibility(figure).smallest_points()


def smallest_text_px(figure, shown_px: float) -> float:
    return Legibility(figure).smallest_px(shown_px)
