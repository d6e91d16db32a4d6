"""Stick-figure runners drawn from upperback.models.body.runner_pose, seen from the side or the front.

A StickFigure keeps its matplotlib artists, so a live figure only moves them (fast) instead of redrawing.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.patches import Circle

from upperback.figures import style
from upperback.models.body.runner_pose import HEAD_RADIUS_FRACTION

BODY_CHAINS = {
    "trunk": ("pelvis", "mid_back", "neck_base"),
    "neck": ("neck_base", "ear"),
    "shoulders": ("shoulder_l", "neck_base", "shoulder_r"),
    "hips": ("hip_l", "pelvis", "hip_r"),
    "leg_r": ("hip_r", "knee_r", "ankle_r", "toe_r"),
    "leg_l": ("hip_l", "knee_l", "ankle_l", "toe_l"),
}
ARM_CHAINS = {
    "arm_r": ("shoulder_r", "elbow_r", "wrist_r", "hand_r"),
    "arm_l": ("shoulder_l", "elbow_l", "wrist_l", "hand_l"),
}
VIEW_AXES = {"side": (1, 2), "front": (0, 2)}  # which coordinates of (x right, y forward, z up) are drawn
SPINE_CHAINS = ("trunk", "neck")  # coloured to show posture in lesson 03
FAR_SIDE_ALPHA = 0.35  # in the side view the runner's left limbs are behind the body
TENSE_DASHES = (0, (1.2, 0.8))  # our choice: short dashes, in line widths; relaxed lines are solid


class StickFigure:
    def __init__(self, ax, view: str, height_m: float, arm_colour: str = style.INK, x_offset: float = 0.0,
                 spine_colour: str = style.INK, scale: float = 1.0):
        if view not in VIEW_AXES:
            raise ValueError(f"view must be one of {sorted(VIEW_AXES)}")
        self.view, self.x_offset = view, x_offset
        width = (6 if style.projector_mode() else 4.5) * scale
        self.lines = {}
        for name in (*BODY_CHAINS, *ARM_CHAINS):
            colour = arm_colour if name in ARM_CHAINS else spine_colour if name in SPINE_CHAINS else style.INK
            far = view == "side" and name.endswith("_l")
            (self.lines[name],) = ax.plot([], [], color=colour, lw=width, solid_capstyle="round",
                                          solid_joinstyle="round", alpha=FAR_SIDE_ALPHA if far else 1.0,
                                          zorder=2 if far else 4)
        # markers on a line, not a scatter: the same dots, drawn in a tenth of the time (2.2 ms a frame)
        (self.hands,) = ax.plot([], [], "o", ls="none", ms=math.sqrt(90 * scale), color=arm_colour, zorder=5)
        self.head = Circle((0, 0), HEAD_RADIUS_FRACTION * height_m, facecolor="white", edgecolor=style.INK,
                           lw=width * 0.7, zorder=5)
        ax.add_patch(self.head)

    def artists(self) -> list:
        return [*self.lines.values(), self.hands, self.head]

    def point(self, position: np.ndarray) -> tuple[float, float]:
        across, up = VIEW_AXES[self.view]
        return position[across] + self.x_offset, position[up]

    def set_pose(self, joints: dict) -> None:
        for name, chain in {**BODY_CHAINS, **ARM_CHAINS}.items():
            xs, ys = zip(*(self.point(joints[joint]) for joint in chain))
            self.lines[name].set_data(xs, ys)
        self.hands.set_data(*zip(self.point(joints["hand_r"]), self.point(joints["hand_l"])))
        ear = self.point(joints["ear"])
        self.head.center = (ear[0], ear[1] + 0.02)  # the head's centre sits a little above the ear canal

    def set_spine_colour(self, colour: str) -> None:
        for name in SPINE_CHAINS:
            self.lines[name].set_color(colour)

    def set_arm_colour(self, colour: str) -> None:
        for name in ARM_CHAINS:
            self.lines[name].set_color(colour)
        self.hands.set_color(colour)

    def show_strain(self, chains: str, tense: bool) -> None:
        """Tense in colour *and* in dashes, so it reads in greyscale and for colour-blind eyes too."""
        names = SPINE_CHAINS if chains == "spine" else ARM_CHAINS
        for name in names:
            self.lines[name].set_linestyle(TENSE_DASHES if tense else "solid")
        (self.set_spine_colour if chains == "spine" else self.set_arm_colour)(style.TENSE if tense else style.RELAXED)


def frame_runner_axes(ax, xlim: tuple[float, float], ylim: tuple[float, float]) -> None:
    """Axes in metres, true to scale, with no frame and the ground drawn as a line at height 0."""
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.axhline(0, color=style.INK, lw=1.5, zorder=1)
