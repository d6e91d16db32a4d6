"""Lesson 01's pendulum pictures: the arm as a pendulum, and its natural rhythm against the stride's."""

from __future__ import annotations

import numpy as np

from upperback.figures import style
from upperback.figures.rendering import LiveFrames, LivePicture
from upperback.models.body.anthropometry import ELBOW_BEND_RANGE_DEG
from upperback.models.body.arm_pendulum import (
    arm_natural_frequency_hz,
    arm_pendulum,
    stride_frequency_hz,
)

BENDS_DEG = np.arange(ELBOW_BEND_RANGE_DEG[0], ELBOW_BEND_RANGE_DEG[1] + 1, 5.0)
FREQUENCY_RANGE_HZ = (0.0, 2.1)


def frequency_curve(height_m: float) -> np.ndarray:
    return np.array([arm_natural_frequency_hz(height_m, bend) for bend in BENDS_DEG])


def _frequency_axes(ax, narrow: bool = False) -> None:
    ax.set_xlim(*ELBOW_BEND_RANGE_DEG)
    ax.set_ylim(*FREQUENCY_RANGE_HZ)
    ax.set_xlabel("elbow bend (degrees,\n0 = straight arm)" if narrow else "elbow bend (degrees, 0 = straight arm)")
    ax.set_ylabel("swings per second (Hz)")
    ax.grid(alpha=0.3)


def arm_pendulum_figure(narrow: bool = False):
    """Static diagram: the arm's natural frequency rises as the elbow bends, but stays below the stride's.
    Narrow (a phone): the same chart, its words in shorter lines."""
    height = 1.75
    lines = "\n" if narrow else " "
    with style.series_style(projector=False):
        figure = style.narrow_figure(4.8) if narrow else style.new_figure(10, 6)
        ax = figure.add_subplot()
        _frequency_axes(ax, narrow)
        ax.plot(BENDS_DEG, frequency_curve(height), color=style.CAUSE_COLOURS["arms"], lw=3.5)
        ax.text(*((40, 0.05) if narrow else (92, 1.02)), f"the arm swinging on its own\n(natural frequency,{lines}"
                "1.75 m runner)", color=style.text_colour(style.CAUSE_COLOURS["arms"]), va="bottom",
                fontsize=12 if narrow else 14)
        slow, fast = stride_frequency_hz(160), stride_frequency_hz(180)
        ax.axhspan(slow, fast, color=style.INK, alpha=0.12, lw=0)
        ax.axhline(stride_frequency_hz(170), color=style.INK, lw=2, ls="--")
        ax.text(3, fast + 0.03, f"the stride at 160–180 steps/min:{lines}{slow:.2f}–{fast:.2f} Hz "
                f"(dashed: 170 steps/min,{lines}{stride_frequency_hz(170):.2f} Hz)", va="bottom",
                fontsize=12 if narrow else 13)
        for bend in (0, 90):
            value = arm_natural_frequency_hz(height, bend)
            ax.plot(bend, value, "o", color=style.CAUSE_COLOURS["arms"], ms=10)
            ax.annotate(f"{value:.2f} Hz", (bend, value), xytext=(8, -22), textcoords="offset points",
                        fontsize=13, color=style.text_colour(style.CAUSE_COLOURS["arms"]))
    return figure


class PendulumLiveFigure(LivePicture):
    """The arm drawn as a pendulum beside the frequency chart; sliders for height, elbow bend, cadence. Narrow
    (a phone): the arm above the chart."""

    def __init__(self, narrow: bool = False):
        with style.series_style(narrow=narrow):
            if narrow:
                self.figure = style.narrow_figure(6.4, live=True)
                self.arm_ax = self.figure.add_axes((0.02, 0.56, 0.45, 0.42), anchor="W")
                self.chart_ax = self.figure.add_axes((0.17, 0.13, 0.79, 0.36))
            else:
                self.figure = style.new_figure(11, 5.2, live=True)
                self.arm_ax = self.figure.add_axes((0.01, 0.02, 0.32, 0.95))
                self.chart_ax = self.figure.add_axes((0.41, 0.16, 0.56, 0.77))
            self._draw_arm_axes(narrow)
            _frequency_axes(self.chart_ax, narrow)
            arms = style.CAUSE_COLOURS["arms"]
            (self.curve,) = self.chart_ax.plot([], [], color=arms, lw=3)
            (self.marker,) = self.chart_ax.plot([], [], "o", color=arms, ms=12, zorder=5)
            self.stride_line = self.chart_ax.axhline(1.0, color=style.INK, lw=2, ls="--")
            self.stride_label = self.chart_ax.text(3, 1.0, "", va="bottom")
            self.natural_label = self.chart_ax.text(0, 0, "", color=style.text_colour(arms), ha="right", va="bottom")
        self._curve_height = None
        self.frames = LiveFrames(self.figure, [
            self.curve, self.marker, self.stride_line, self.stride_label, self.natural_label,
            self.arm_line, self.length_line, self.com_dot, self.length_label,
        ], narrow)

    def _draw_arm_axes(self, narrow: bool) -> None:
        ax = self.arm_ax
        ax.set_xlim(-0.12, 0.42)
        ax.set_ylim(-0.9, 0.2)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.plot(0, 0, "o", ms=14, color=style.INK)
        ax.text(0.03, 0.02, "shoulder (pivot)", va="bottom")
        (self.arm_line,) = ax.plot([], [], color=style.CAUSE_COLOURS["arms"], lw=8, solid_capstyle="round")
        (self.length_line,) = ax.plot([], [], color=style.INK, lw=1.5, ls="--")
        (self.com_dot,) = ax.plot([], [], "o", ms=13, color=style.ACHE, markeredgecolor=style.INK)
        # bottom right: below the forearm at every bend, and clear of the pivot's label
        # narrow: to the right of the arm, where the chart has no room beside it
        self.length_label = ax.text(1.08 if narrow else 1.0, 0.0, "", ha="left" if narrow else "right",
                                    va="bottom", transform=ax.transAxes)
        self.natural_words = "arm" if narrow else "arm on its own"  # narrow: short enough at any bend

    def update(self, height_m: float = 1.75, elbow_bend_deg: float = 90.0, cadence: float = 170.0) -> str:
        arm = arm_pendulum(height_m, elbow_bend_deg)
        stride = stride_frequency_hz(cadence)
        if self._curve_height != height_m:  # the curve depends on height only: redo it only when that moves
            self.curve.set_data(BENDS_DEG, frequency_curve(height_m))
            self._curve_height = height_m
        self.arm_line.set_data([0, arm.elbow[0], arm.wrist[0]], [0, arm.elbow[1], arm.wrist[1]])
        self.length_line.set_data([0, arm.centre_of_mass[0]], [0, arm.centre_of_mass[1]])
        self.com_dot.set_data([arm.centre_of_mass[0]], [arm.centre_of_mass[1]])
        self.length_label.set_text(f"orange dot: the arm's\ncentre of mass, {arm.pendulum_length_m * 100:.0f} cm\n"
                                   "from the shoulder")
        self.marker.set_data([elbow_bend_deg], [arm.frequency_hz])
        self.stride_line.set_ydata([stride, stride])
        self.stride_label.set_position((3, stride + 0.03))
        self.stride_label.set_text(f"stride at {cadence:.0f} steps/min: {stride:.2f} Hz")
        # above and to the left of the dot, where the rising curve leaves room
        left_half = elbow_bend_deg < 80  # write towards the open side of the chart, away from its edges
        self.natural_label.set_position((elbow_bend_deg + (3 if left_half else -3), arm.frequency_hz + 0.08))
        self.natural_label.set_horizontalalignment("left" if left_half else "right")
        self.natural_label.set_text(f"{self.natural_words}: {arm.frequency_hz:.2f} Hz")
        return pendulum_caption(height_m, elbow_bend_deg, cadence, arm.frequency_hz, stride)


def pendulum_caption(height_m, elbow_bend_deg, cadence, natural_hz, stride_hz) -> str:
    ratio = stride_hz / natural_hz
    return (
        f"With the elbow bent {elbow_bend_deg:.0f}°, the arm of a {height_m:.2f} m runner would swing on its "
        f"own about <b>{natural_hz:.2f}</b> times a second. At {cadence:.0f} steps a minute the stride asks "
        f"for <b>{stride_hz:.2f}</b>, {ratio:.1f} times as fast. The arm keeps time anyway: the trunk's motion "
        "swings it, and the shoulder muscles mostly steady it rather than drive it (Pontzer 2009). A comfortable "
        "bend, about a right angle, brings its own rhythm a little closer to the stride's; clenching the elbow "
        "tighter narrows the gap only slightly, never closes it, and takes muscle to hold."
    )
