"""One look for the whole series: the Okabe–Ito palette with fixed meanings, and readable type.

[OkabeIto2008] "Color Universal Design": eight colours that stay distinct in the common kinds of
colour-blindness. A colour means the same thing in every lesson.

Projector mode (larger type and thicker lines for the back of a room) is one switch for the whole series:
set the environment variable UPPERBACK_PROJECTOR=1 before starting JupyterLab, or call
``set_projector_mode(True)`` at the top of a notebook. Static assets are always drawn in the normal mode.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from functools import cache

import matplotlib as mpl
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure

from upperback.models.course.lessons import LESSONS

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

def contrast_on_white(rgb) -> float:
    """WCAG 2 contrast ratio of an (r, g, b) colour, 0-1 each, against white."""
    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    luminance = sum(w * linear(c) for w, c in zip((0.2126, 0.7152, 0.0722), rgb))
    return 1.05 / (luminance + 0.05)


@cache
def darkened(colour: str, ratio: float) -> str:
    """The same hue, darkened just enough to reach ``ratio`` against white: 4.5 for text, 3 for lines."""
    rgb = to_rgb(colour)
    factor = 1.0
    while contrast_on_white([c * factor for c in rgb]) < ratio:
        factor -= 0.01
    return to_hex([c * factor for c in rgb])


def text_colour(colour: str) -> str:
    """Words in a meaning's colour: its hue, dark enough to read (4.5:1 on white)."""
    return darkened(colour, 4.5)


# Meanings, the same in every lesson.
RELAXED = OKABE_ITO["bluish_green"]  # easy, relaxed, the cue to aim for
TENSE = OKABE_ITO["vermillion"]  # working hard, tense, the pattern to notice
ACHE = OKABE_ITO["orange"]  # where it aches (areas; a line or text of it uses the darkened shades below)
CAUSE_COLOURS = {lesson.cause: OKABE_ITO[lesson.colour] for lesson in LESSONS if lesson.cause}
INK = "#222222"  # outlines and text
BONE = "#FFFFFF"  # bones are drawn white with an ink outline
MUSCLE = "#F3C9B1"  # a muscle that is not the point of the picture: a pale tint of TENSE
QUIET = "#E4E4E4"  # anything pushed into the background
ACHE_LINE = darkened(ACHE, 3)  # a line must stand out at 3:1 (WCAG non-text contrast)

PROJECTOR_VARIABLE = "UPPERBACK_PROJECTOR"
_projector = os.environ.get(PROJECTOR_VARIABLE, "").strip().lower() in {"1", "true", "yes", "on"}


def set_projector_mode(on: bool = True) -> None:
    """Larger type and lines in every figure drawn from now on."""
    global _projector
    _projector = bool(on)


def projector_mode() -> bool:
    return _projector


# A phone (390 CSS px wide) shows a picture about 335-360 CSS px wide. A figure's words come out at
# (points) x (shown CSS px) / (72 x figure width in inches), whatever its dpi: drawn 4.6 in wide, the
# series' smallest type (11 pt) shows at 11.1 CSS px or more. Narrow layouts stack their panels to fit.
NARROW_WIDTH_IN = 4.6  # our choice: a phone's picture width in points, so 1 pt shows as about 1 CSS px
NARROW_SHOWN_PX = 335  # our bound: the narrowest a picture shows on a 390 px phone (measured in Chromium)
# our choice: an explorer's picture shown narrower than this (a phone held upright: 300-400 CSS px) is drawn in its
# narrow layout. JupyterLab on a 1280 px laptop with its file browser open gives a picture about 470 px: it keeps
# the wide layout there, whose panels side by side suit a landscape screen.
NARROW_BELOW_PX = 420
NARROW_SCREEN_BELOW_PX = 600  # our choice: a screen narrower than this shows the diagrams' narrow layouts
SMALLEST_TEXT_PX = 11  # our bound: no word in a picture smaller, in CSS px as shown
# our bound: a picture shows at most 62 % of the screen's height (web/course.css), 523 CSS px on a 390x844 phone: a
# narrow picture taller than 0.62 x 844 / NARROW_SHOWN_PX x NARROW_WIDTH_IN = 7.2 in is shown narrower than it.
NARROW_TALLEST_IN = 7.0


def narrow_figure(height_in: float, live: bool = False) -> Figure:
    """A figure for a phone: NARROW_WIDTH_IN wide."""
    return new_figure(NARROW_WIDTH_IN, height_in, live)


def series_rc(projector: bool | None = None) -> dict:
    """The matplotlib settings for the series, in normal or projector size."""
    big = projector_mode() if projector is None else projector
    base = 18 if big else 13
    return {
        "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs on every machine
        "font.size": base,
        "axes.titlesize": base + 3,
        "axes.titleweight": "bold",
        "axes.labelsize": base,
        "xtick.labelsize": base - 1,
        "ytick.labelsize": base - 1,
        "legend.fontsize": base - 1,
        "lines.linewidth": 3.5 if big else 2.5,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "text.color": INK,
        "axes.edgecolor": INK,
        "axes.labelcolor": INK,
        "savefig.facecolor": "white",
    }


@contextmanager
def series_style(projector: bool | None = None, narrow: bool = False):
    """Draw inside this block so text and lines pick up the series' sizes. A narrow layout is always drawn in
    the normal size: a phone is held close, and its width is already counted on for type (NARROW_WIDTH_IN)."""
    global _projector
    was, _projector = _projector, False if narrow else _projector
    try:
        with mpl.rc_context(series_rc(False if narrow else projector)):
            yield
    finally:
        _projector = was


def new_figure(width_in: float, height_in: float, live: bool = False) -> Figure:
    """A figure that belongs to no pyplot state, so notebooks never show it twice.

    Static figures get matplotlib's constrained layout. Live figures place their axes by hand: the layout
    engine would re-run on every slider step and roughly doubles the time of each update.
    """
    return Figure(figsize=(width_in, height_in), layout=None if live else "constrained")
