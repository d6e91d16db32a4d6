"""Lesson 02's pictures: the rib cage and diaphragm breathing in two ways, and lung volume over time.

Shapes are schematic (centimetres for a medium adult); what moves, and by how much, comes from
upperback.models.body.breathing_mechanics.
"""

from __future__ import annotations

import numpy as np

from upperback.figures import style
from upperback.figures.rendering import LiveFrames, LivePicture
from upperback.models.body.breathing_mechanics import (
    HELPER_MUSCLES,
    PATTERN_NAMES,
    check_breath_fraction,
    movement,
)

RIB_COUNT = 8
BREATHING = style.CAUSE_COLOURS["breathing"]


def _ribs_front(move, breath):
    shapes = {}
    for i in range(RIB_COUNT):
        lower = i / (RIB_COUNT - 1)  # 0 for the top rib, 1 for the lowest drawn
        level = -3.0 - 3.4 * i + breath * move.upper_chest_up_cm * (1 - lower)
        half_width = 7.5 + 7.0 * np.sin(np.pi * (0.25 + 0.6 * lower)) + breath * move.lower_ribs_outward_cm * lower
        angles = np.linspace(np.radians(85), np.radians(-35), 24)
        for side, sign in (("r", 1), ("l", -1)):
            shapes[f"rib{i}_{side}"] = (sign * (1.2 + half_width * np.cos(angles)),
                                        level - 3.0 + 3.0 * np.sin(angles))
    return shapes


def _diaphragm_front(move, breath):
    x = np.linspace(-14.5, 14.5, 40)
    dome = 9.0 - breath * move.diaphragm_descent_cm  # the dome flattens and drops as it contracts
    return {"diaphragm": (x, -29.0 + dome * np.cos(np.pi * x / 29.0))}


def _helpers_front(move, breath):
    lift = breath * move.shoulders_up_cm
    shapes = {}
    for side, sign in (("r", 1), ("l", -1)):
        shapes[f"scalenes_{side}"] = ([sign * 3.0, sign * 5.5], [9.0, -2.5 + breath * move.upper_chest_up_cm])
        shapes[f"sternocleidomastoid_{side}"] = ([sign * 5.0, sign * 1.5], [15.0, -0.5 + lift])
        shapes[f"upper trapezius_{side}"] = ([sign * 4.0, sign * 16.0], [10.0, 2.0 + lift])
        shapes[f"pectoralis minor_{side}"] = ([sign * 8.5, sign * 12.5], [-11.0, 0.5 + lift])
    return shapes


def _body_front(move, breath):
    lift = breath * move.shoulders_up_cm
    shapes = {"sternum": ([0, 0], [-1.0 + breath * move.upper_chest_up_cm, -24.0]), "head": _head(0.0)}
    for side, sign in (("r", 1), ("l", -1)):
        belly = 15.5 + breath * move.belly_forward_cm * 0.3
        shapes[f"outline_{side}"] = (sign * np.array([5.5, 6.0, 19.0, 19.5, 17.0, belly, 15.0]),
                                     np.array([14.0, 5.0, 1.5 + lift, -4.0, -20.0, -33.0, -46.0]))
        shapes[f"clavicle_{side}"] = ([sign * 1.0, sign * 16.5], [-0.5 + lift, 2.0 + lift])
    return shapes


def _side_view(move, breath):
    forward = breath * move.upper_chest_forward_cm
    up = breath * move.upper_chest_up_cm
    lift = breath * move.shoulders_up_cm
    front_top = (9.0 + forward, -1.0 + up)
    front_bottom = (12.0 + forward * 0.6 + breath * move.lower_ribs_outward_cm, -23.0 + up * 0.3)
    shapes = {
        "spine": ([-9.5, -10.5, -10.0, -9.0], [12.0, 0.0, -25.0, -46.0]),
        "sternum": ([front_top[0], front_bottom[0]], [front_top[1], front_bottom[1]]),
        "outline_front": ([3.5, 5.0, front_top[0], front_bottom[0], 12.0 + breath * move.belly_forward_cm,
                           10.0], [14.0, 3.0 + lift * 0.5, front_top[1], front_bottom[1], -35.0, -46.0]),
        "shoulder": ([-6.0, 3.0], [3.0 + lift, 3.0 + lift]),
        "head": _head(-1.0),
    }
    for i in range(RIB_COUNT):
        share = i / (RIB_COUNT - 1)
        back_level = -2.0 - 3.3 * i
        front_x = front_top[0] + (front_bottom[0] - front_top[0]) * share
        front_y = front_top[1] + (front_bottom[1] - front_top[1]) * share - 2.0
        shapes[f"rib{i}_r"] = ([-10.0, (front_x - 10.0) / 2, front_x], [back_level, back_level - 2.5, front_y])
    x = np.linspace(-10.0, 12.0 + forward * 0.6, 30)
    dome = 9.0 - breath * move.diaphragm_descent_cm
    middle = (x[0] + x[-1]) / 2
    shapes["diaphragm"] = (x, -29.0 + dome * np.cos(np.pi * (x - middle) / (x[-1] - x[0] + 4)))
    shapes["scalenes_r"] = ([-2.0, 3.0], [10.0, -2.0 + up])
    shapes["sternocleidomastoid_r"] = ([-4.0, front_top[0] - 1.0], [16.0, front_top[1] + 0.5])
    shapes["upper trapezius_r"] = ([-7.5, -2.0], [11.0, 3.0 + lift])
    shapes["pectoralis minor_r"] = ([front_top[0] - 0.5, 2.0], [-11.0 + up * 0.5, 2.0 + lift])
    return shapes


def _head(centre_x: float):
    angles = np.linspace(0, 2 * np.pi, 40)
    return centre_x + 7.5 * np.cos(angles), 24.0 + 9.5 * np.sin(angles)


def breathing_shapes(view: str, pattern: str, breath: float) -> dict:
    """Every line of the diagram for a view ("front" or "side") at a moment of the breath (0 out, 1 in)."""
    move, breath = movement(pattern), check_breath_fraction(breath)
    if view == "side":
        return _side_view(move, breath)
    return {**_body_front(move, breath), **_ribs_front(move, breath), **_diaphragm_front(move, breath),
            **_helpers_front(move, breath)}


def _line_style(name: str, pattern: str, breath: float) -> dict:
    if name == "diaphragm":
        return {"color": BREATHING, "lw": 5.0 if pattern == "deep" else 3.0, "zorder": 4}
    if name.startswith(HELPER_MUSCLES):
        working = movement(pattern).helper_muscle_effort * breath
        return {"color": style.TENSE if working > 0.3 else style.QUIET, "lw": 7.0, "zorder": 5,
                "solid_capstyle": "round"}
    if name.startswith("rib"):
        return {"color": style.INK, "lw": 1.8, "zorder": 3}
    return {"color": style.INK, "lw": 2.2, "zorder": 3}


class BreathingDiagram:
    """The front and side views in one pair of axes each, kept, so a breath can be animated."""

    def __init__(self, front_ax, side_ax, pattern: str = "deep", breath: float = 0.0):
        self.axes = {"front": front_ax, "side": side_ax}
        self.lines = {view: {} for view in self.axes}
        for view, ax in self.axes.items():
            for name, (xs, ys) in breathing_shapes(view, pattern, breath).items():
                (self.lines[view][name],) = ax.plot(xs, ys, **_line_style(name, pattern, breath))
            _frame(ax, view)

    def artists(self) -> list:
        return [line for lines in self.lines.values() for line in lines.values()]

    def set_breath(self, pattern: str, breath: float) -> None:
        for view, lines in self.lines.items():
            for name, (xs, ys) in breathing_shapes(view, pattern, breath).items():
                lines[name].set_data(xs, ys)
                lines[name].set(**{k: v for k, v in _line_style(name, pattern, breath).items() if k != "zorder"})


def _frame(ax, view: str) -> None:
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_xlim(-24, 24) if view == "front" else ax.set_xlim(-20, 24)
    ax.set_ylim(-55, 34)


def breathing_patterns_figure(narrow: bool = False):
    """Static diagram: deep versus shallow, front and side, breathed out (dashed) and in (solid). Narrow (a
    phone): each pattern's name over its row, the words in shorter lines, the helper muscles under the row."""
    with style.series_style(projector=False):
        figure = style.narrow_figure(6.6) if narrow else style.new_figure(12, 12)
        if narrow:
            rows = figure.subfigures(2, 1)
            axes = [row.subplots(1, 2) for row in rows]
        else:
            axes = figure.subplots(2, 2)
        for row, pattern in enumerate(("deep", "shallow")):
            out = BreathingDiagram(axes[row][0], axes[row][1], pattern, 0.0)
            for line in out.artists():
                line.set(alpha=0.45, linestyle=(0, (3, 3)), color=style.INK if line.get_color() != BREATHING
                         else BREATHING)
            BreathingDiagram(axes[row][0], axes[row][1], pattern, 1.0)
            colour = BREATHING if pattern == "deep" else style.TENSE
            if narrow:
                rows[row].suptitle(PATTERN_NAMES[pattern].capitalize(), color=INK_FOR[pattern], fontsize=13,
                                   fontweight="bold")
                for ax, view in zip(axes[row], ("front", "side")):
                    ax.set_title(f"from the {view}", color=INK_FOR[pattern], fontsize=12)
            else:
                axes[row][0].set_title(f"{PATTERN_NAMES[pattern].capitalize()}\nfrom the front",
                                       color=INK_FOR[pattern])
                axes[row][1].set_title("from the side", color=INK_FOR[pattern])
            _labels(axes[row][0], axes[row][1], pattern, colour, narrow)
        if narrow:
            rows[1].supxlabel("helper muscles (orange-red) work: scalenes,\nsternocleidomastoid, upper trapezius,\n"
                              "pectoralis minor   ·   dashed: breathed out,\nsolid: breathed in", fontsize=12)
        else:
            figure.text(0.5, 0.005, "dashed: breathed out   ·   solid: breathed in", ha="center", fontsize=13)
    return figure


INK_FOR = {"deep": style.text_colour(style.OKABE_ITO["sky_blue"]), "shallow": style.text_colour(style.TENSE)}


def _labels(front_ax, side_ax, pattern, colour, narrow: bool = False):
    """Labels sit outside the body, with a pointer in, so no outline or rib runs through the words. Narrow:
    in shorter lines; the helper muscles are named under the row (breathing_patterns_figure)."""
    for ax in (front_ax, side_ax):
        ax.set_xlim(-40, 40)
        ax.set_ylim(-84 if narrow else -80, 34)
    pointer = {"arrowstyle": "->", "lw": 1.5, "color": style.INK}
    # narrow: every label hangs from just under the body, in lines short enough for its side of the panel
    y, va = (-58, "top") if narrow else (-62, "baseline")
    lines = "\n" if narrow else " "
    if pattern == "deep":
        front_ax.annotate("diaphragm\ndown about\n6 cm" if narrow else "diaphragm moves\ndown about 6 cm",
                          xy=(-6, -24), xytext=(-25 if narrow else -28, y), ha="center", va=va,
                          color=INK_FOR["deep"], fontsize=12, arrowprops={**pointer, "color": BREATHING, "lw": 2})
        front_ax.annotate(f"lower ribs\nwiden{lines}sideways", xy=(16.5, -24), xytext=(25 if narrow else 29, y),
                          ha="center", va=va, fontsize=12, arrowprops=pointer)
        side_ax.annotate(f"belly{lines}moves\nforward", xy=(16, -36), xytext=(28 if narrow else 29, y),
                         ha="center", va=va, fontsize=12, arrowprops=pointer)
        side_ax.annotate("back ribs\nmove too", xy=(-11, -18), xytext=(-26, y), ha="center", va=va, fontsize=12,
                         arrowprops=pointer)
    elif narrow:  # no room beside the body: both under it
        front_ax.text(0, y, "diaphragm moves\nonly 1–2 cm", ha="center", va="top", fontsize=12, color=style.INK)
        side_ax.text(0, y, "upper chest and\nshoulders lift", ha="center", va="top", fontsize=12,
                     color=style.text_colour(colour))
    else:
        front_ax.text(0, -56, "diaphragm moves only 1–2 cm;\nhelper muscles (orange-red) work:\nscalenes, "
                      "sternocleidomastoid,\nupper trapezius, pectoralis minor", ha="center", va="top",
                      fontsize=12, color=style.INK)
        side_ax.annotate("upper chest and\nshoulders lift", xy=(10.5, 0.5), xytext=(28, 20), ha="center",
                         fontsize=12, color=style.text_colour(colour), arrowprops={**pointer, "color": colour})


# Where each label of the live front view points: the middle of the muscle on the picture's left side.
MUSCLE_LABELS = (
    ("sternocleidomastoid", (-3.3, 7.6), 19),
    ("scalenes", (-4.3, 3.6), 12),
    ("upper trapezius", (-10.0, 6.4), 5),
    ("pectoralis minor", (-10.5, -5.0), -6),
    ("diaphragm", (-10.0, -24.0), -24),
)


# Narrow (a phone): the same labels in two lines, further apart, in an order whose pointers do not cross.
NARROW_MUSCLE_LABELS = (
    ("sterno-\ncleidomastoid", (-3.3, 7.6), 19),
    ("upper\ntrapezius", (-10.0, 6.4), 3),
    ("scalenes", (-4.3, 3.6), -9),
    ("pectoralis\nminor", (-10.5, -5.0), -22),
    ("diaphragm", (-10.0, -24.0), -38),
)


def _name_the_muscles(ax, narrow: bool = False) -> None:
    """Fixed labels beside the front view; drawn under the moving lines, so they stay in the cached frame."""
    ax.set_xlim(-64 if narrow else -68 if style.projector_mode() else -56, 22)  # room for the words at any size
    for name, point, text_y in NARROW_MUSCLE_LABELS if narrow else MUSCLE_LABELS:
        colour = INK_FOR["deep"] if name == "diaphragm" else style.INK
        ax.annotate(name, xy=point, xytext=(-25, text_y), ha="right", va="center", color=style.text_colour(colour), zorder=0,
                    fontsize=style.series_rc()["font.size"] - 1,
                    arrowprops={"arrowstyle": "-", "color": style.INK, "lw": 0.8, "relpos": (1, 0.5)})
    ax.text(-64 if narrow else -25, 30 if narrow else 27, "helper muscles", ha="left" if narrow else "right",
            va="center", fontweight="bold", zorder=0)


class BreathLiveFigure(LivePicture):
    """One breath in, then out, in the chosen pattern: front and side views side by side (on a phone too, the
    labels then in two lines)."""

    def __init__(self, narrow: bool = False):
        with style.series_style(narrow=narrow):
            self.figure = style.narrow_figure(3.9, live=True) if narrow else style.new_figure(10, 7, live=True)
            split = 0.66 if narrow else 0.5  # the front view has the labels beside it
            front_ax = self.figure.add_axes((0.0, 0.0, split, 0.92))
            side_ax = self.figure.add_axes((split, 0.0, 1 - split, 0.92))
            front_ax.set_title("front view" if narrow else "from the front")
            side_ax.set_title("side view" if narrow else "from the side")
            self.diagram = BreathingDiagram(front_ax, side_ax)
            _name_the_muscles(front_ax, narrow)
        self.frames = LiveFrames(self.figure, self.diagram.artists(), narrow)

    def update(self, pattern: str = "deep", breath_percent: float = 0) -> str:
        # 0 → 50 %: breathing in; 50 → 100 %: breathing out again
        breath = 1 - abs(1 - 2 * breath_percent / 100) if 0 <= breath_percent <= 100 else -1
        self.diagram.set_breath(pattern, breath)
        move = movement(pattern)
        if pattern == "deep":
            return (f"<b>Deep breath, {breath:.0%} in.</b> The diaphragm (blue) drops up to "
                    f"{move.diaphragm_descent_cm:.0f} cm, the lower ribs widen and the belly moves forward. "
                    "The neck and shoulder muscles stay quiet.")
        return (f"<b>Shallow breath, {breath:.0%} in.</b> The diaphragm moves only about "
                f"{move.diaphragm_descent_cm:.1f} cm; the upper chest and shoulders lift instead, pulled by the "
                "helper muscles (orange-red when working): scalenes, sternocleidomastoid, upper trapezius and "
                "pectoralis minor.")
