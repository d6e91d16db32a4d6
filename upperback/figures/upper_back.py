"""The upper back seen from behind: where the runner's ache usually sits, and the muscles around it.

Convention of anatomy atlases: the surface muscle (trapezius) is drawn on one side, the deeper ones
(levator scapulae, rhomboids) on the other. Shapes are schematic, placed after standard atlas plates; the
coordinates are centimetres for a medium adult, origin at the spine level with the top of the shoulders.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Ellipse, Polygon

from upperback.figures import style
from upperback.figures.rendering import LiveFrames, LivePicture
from upperback.models.body.upper_back import STRUCTURES, structure

ALL = "all"
SPINE_X = 0.0
VERTEBRA_LEVELS = np.linspace(3.0, -27.0, 13)  # C7 at the top, then T1 to T12

_OUTLINE_HALF = [(0, 9.5), (4.6, 8.5), (5.2, 3.6), (16.5, 0.8), (20.4, -2.2), (21.6, -9), (21.0, -15),
                 (17.2, -15.5), (15.8, -13), (15.2, -31)]
_SCAPULA = [(6.3, -1.8), (14.6, -3.4), (9.4, -15.6)]  # superior angle, lateral angle, inferior angle
_SCAPULA_SPINE = [(6.9, -5.0), (16.2, -1.0)]
_TRAPEZIUS = [(0, 10.0), (3.4, 8.6), (5.0, 4.4), (16.3, 0.3), (15.5, -1.9), (7.4, -5.4), (0, -27.5)]
_LEVATOR = [(2.4, 10.8), (4.4, 10.8), (7.4, -1.4), (6.0, -2.6)]
_RHOMBOIDS = [(0.6, 2.4), (6.6, -2.6), (9.3, -15.0), (0.6, -10.2)]


def _mirror(points):
    return [(-x, y) for x, y in points]


def _body_outline():
    right = _OUTLINE_HALF
    return right + _mirror(right)[::-1]


def draw_upper_back(ax, labels: bool = True, narrow: bool = False) -> dict[str, list]:
    """Draw the back view on ``ax``; return the patches of each structure, keyed as in the models. Narrow (a
    phone): the labels in short lines, so they fit beside the body at the same type size."""
    ax.add_patch(Polygon(_body_outline(), closed=True, facecolor="#FBF6F2", edgecolor=style.INK, lw=1.6))
    ax.add_patch(Ellipse((0, 17.5), 13.5, 16.5, facecolor="#FBF6F2", edgecolor=style.INK, lw=1.6, zorder=4))
    ache = Ellipse((0, -6.5), 23, 19, facecolor=style.ACHE, alpha=0.22, edgecolor="none", zorder=1)
    ache_edge = Ellipse((0, -6.5), 23, 19, facecolor="none", edgecolor=style.ACHE_LINE, lw=3, ls="--", zorder=6)
    ax.add_patch(ache)
    ax.add_patch(ache_edge)

    parts: dict[str, list] = {key: [] for key in (s.key for s in STRUCTURES)}
    # Trapezius on the picture's left, deeper muscles on the right (see module docstring).
    parts["trapezius"].append(Polygon(_mirror(_TRAPEZIUS), closed=True, zorder=3))
    parts["levator_scapulae"].append(Polygon(_LEVATOR, closed=True, zorder=3))
    parts["rhomboids"].append(Polygon(_RHOMBOIDS, closed=True, zorder=3))
    for patch in (*parts["trapezius"], *parts["levator_scapulae"], *parts["rhomboids"]):
        patch.set(edgecolor=style.INK, lw=1.4)
        ax.add_patch(patch)

    for side in (_SCAPULA, _mirror(_SCAPULA)):
        ax.add_patch(Polygon(side, closed=True, facecolor=style.BONE, edgecolor=style.INK, lw=1.6, zorder=2))
    for side in (_SCAPULA_SPINE, _mirror(_SCAPULA_SPINE)):
        (xs, ys) = zip(*side)
        ax.plot(xs, ys, color=style.INK, lw=2.2, zorder=2, solid_capstyle="round")
    for level in VERTEBRA_LEVELS:
        vertebra = Ellipse((SPINE_X, level), 2.6, 1.9, edgecolor=style.INK, lw=1.3, zorder=5)
        parts["thoracic_spine"].append(vertebra)
        ax.add_patch(vertebra)

    if labels:
        lines = "\n" if narrow else " "
        _label(ax, f"trapezius\n(surface{lines}muscle)", (-9.0, -1.2), 8 if narrow else 6)
        _label(ax, f"shoulder{lines}blade\n(scapula)", (-11.5, -8.0), -11 if narrow else -9)
        _label(ax, f"levator{lines}scapulae", (5.2, 4.5), 11)
        _label(ax, f"rhomboids\n(deeper{lines}muscles)", (4.8, -7.0), -5 if narrow else -3)
        _label(ax, "upper and\nmiddle\nspine\n(T1–T12)" if narrow else "upper and middle\nspine (T1–T12)",
               (SPINE_X + 1.2, -20.0), -23 if narrow else -21)
        ax.text(0, -36 if narrow else -34.5, f"inside the dashed orange ring:{lines}where the ache usually sits",
                ha="center", va="center", color="#8A5A00", fontweight="bold")
    ax.set_xlim(*((-45, 45) if narrow else (-48, 48)))  # room for the labels beside the body, in projector size too
    ax.set_ylim(-40 if narrow else -37, 27)
    ax.set_aspect("equal")
    ax.axis("off")
    return parts


LABEL_GAP_X = 23.5  # labels start just outside the widest part of the body (21.6), so no outline runs through


def _label(ax, text, point, text_y):
    """A label beside the body on the side of ``point``, with a leader line from its inner edge."""
    right = point[0] > 0
    ax.annotate(text, xy=point, xytext=(LABEL_GAP_X if right else -LABEL_GAP_X, text_y),
                ha="left" if right else "right", va="center", zorder=7,
                arrowprops={"arrowstyle": "-", "color": style.INK, "lw": 1.2, "shrinkA": 4, "shrinkB": 0,
                            "relpos": (0, 0.5) if right else (1, 0.5)})
    ax.plot(*point, "o", color=style.INK, ms=4, zorder=7)


def colour_parts(parts: dict[str, list], highlight: str = ALL) -> None:
    """Highlight one structure in the 'working hard' colour and quieten the rest, or show all."""
    for key, patches in parts.items():
        is_bone = key == "thoracic_spine"
        if highlight == ALL:
            colour = style.BONE if is_bone else style.MUSCLE
        elif key == highlight:
            colour = style.TENSE
        else:
            colour = style.BONE if is_bone else style.QUIET
        for patch in patches:
            patch.set_facecolor(colour)


def upper_back_figure(narrow: bool = False):
    """The labelled static diagram for lesson 00 and the README; narrow: for a phone."""
    with style.series_style(projector=False):
        figure = style.narrow_figure(3.6) if narrow else style.new_figure(10, 7.4)
        ax = figure.add_subplot()
        colour_parts(draw_upper_back(ax, narrow=narrow))
    return figure


class UpperBackLiveFigure(LivePicture):
    """A kept figure of the upper back in which one structure at a time can be highlighted."""

    choices = (ALL, *(s.key for s in STRUCTURES))

    def __init__(self, narrow: bool = False):
        with style.series_style(narrow=narrow):
            self.figure = style.narrow_figure(3.6, live=True) if narrow else style.new_figure(9, 6.6, live=True)
            self.parts = draw_upper_back(self.figure.add_axes((0, 0, 1, 1)), narrow=narrow)
        self.frames = LiveFrames(self.figure, [patch for patches in self.parts.values() for patch in patches], narrow)

    def update(self, part: str = ALL) -> str:
        """Highlight ``part``; return a caption describing what is shown."""
        found = None if part == ALL else structure(part)  # refuses an unknown part before anything changes
        colour_parts(self.parts, part)
        if found is None:
            return ("The whole area: the ache usually sits inside the dashed orange ring, where the trapezius, "
                    "rhomboids and levator scapulae hold the shoulder blades against the ribs.")
        return (f"<b>{found.name.capitalize()}</b>. Where: {found.where}. What it does: {found.what_it_does}. "
                f"Why runners feel it: {found.why_runners_feel_it}.")
