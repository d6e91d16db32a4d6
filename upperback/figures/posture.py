"""Lesson 03's pictures: upright versus slumped runners, the head on its lever, and "the next posture"."""

from __future__ import annotations

import numpy as np

from upperback.figures import style
from upperback.figures.rendering import LiveFrames, LivePicture
from upperback.figures.stick_figure import StickFigure, frame_runner_axes
from upperback.models.body.head_load import (
    ASSUMED_EXTENSOR_MOMENT_ARM_M,
    HANSRAJ_2014_KG,
    LOADED_FROM_DEG,
    MAX_TOTAL_FORWARD_DEG,
    NEARLY_UPRIGHT_BELOW_DEG,
    head_load,
)
from upperback.models.body.runner_pose import Carriage, runner_joints

HEIGHT_M = 1.75
UPRIGHT = Carriage(trunk_lean_deg=6)
SLUMPED = Carriage(trunk_lean_deg=8, upper_back_rounding_deg=25, head_forward_deg=20)
POSTURE = style.CAUSE_COLOURS["posture"]
FIGURE_SCALE = 0.75  # the time line's runners are drawn at three quarters of the size


def _draw_lever(ax, joints):
    """A dashed plumb line straight up from the base of the neck."""
    base, ear = joints["neck_base"], joints["ear"]
    ax.plot([base[1], base[1]], [base[2], ear[2] + 0.14], color=style.INK, lw=1.5, ls="--", zorder=6)


def posture_figure(narrow: bool = False):
    """Static: a tall runner with a slight lean beside a slumped one, with the head's lever marked. Narrow (a
    phone): the two side by side still, their words in shorter lines."""
    lines = "\n" if narrow else " "
    with style.series_style(projector=False):
        figure = style.narrow_figure(6.2) if narrow else style.new_figure(12, 7.5)
        # room above the two-line titles: the layout leaves them flush with the top, and a browser's glyphs
        # (wider than matplotlib's measure of them) then lose their first line at the edge
        figure.get_layout_engine().set(h_pad=0.15)
        axes = figure.subplots(1, 2)
        cases = (
            (UPRIGHT, style.RELAXED, f"Tall, with a slight{lines}forward lean:\nthe head sits over{lines}the shoulders"),
            (SLUMPED, style.TENSE, f"Slumped: the upper{lines}back rounds\nand the head{lines}drifts forward"),
        )
        for ax, (carriage, colour, title) in zip(axes, cases):
            runner = StickFigure(ax, "side", HEIGHT_M)
            runner.show_strain("spine", tense=carriage is SLUMPED)
            joints = runner_joints(HEIGHT_M, carriage, 0.25)
            runner.set_pose(joints)
            frame_runner_axes(ax, (-0.6, 1.1), (-0.05, 1.95))
            _draw_lever(ax, joints)
            load = head_load(70, carriage.head_forward_deg, carriage.upper_back_rounding_deg,
                             carriage.trunk_lean_deg)
            ax.set_title(title, color=style.text_colour(colour), fontsize=13 if narrow else 15)
            words = (f"head {load.lever_m * 100:.0f} cm\nin front of the\nbase of the neck:\n"
                     f"muscles hold\n{load.moment_nm:.1f} N·m")
            if narrow:  # under the runner: beside it there is no room
                ax.text(0.5, -0.02, words.replace("\n", " ", 1), transform=ax.transAxes, ha="center", va="top",
                        fontsize=12, color=style.text_colour(colour))
            else:
                ax.text(1.08, 0.12, words, ha="right", va="bottom", fontsize=13, color=style.text_colour(colour))
        figure.supxlabel(f"dashed line: straight up from the{lines}base of the neck  ·  runner of 1.75 m{lines}"
                         "and 70 kg", fontsize=12)
    return figure


def next_posture_figure(narrow: bool = False):
    """Static: an hour of running as a time line, small posture changes versus one posture held. Narrow (a
    phone): the time line runs down the page, one row a moment, the two runners side by side."""
    changes = [
        # Each change is drawn a little larger than life, so it can be seen at this size.
        ("start", Carriage(trunk_lean_deg=6)),
        ("roll the\nshoulders", Carriage(trunk_lean_deg=5, shoulder_raise_cm=5, arm_swing_deg=20)),
        ("look further\nahead", Carriage(trunk_lean_deg=3, head_forward_deg=0)),
        ("a little\nslump", Carriage(trunk_lean_deg=8, upper_back_rounding_deg=20, head_forward_deg=18)),
        ("run tall\nfor a while", Carriage(trunk_lean_deg=1)),
        ("shake out,\narms wider", Carriage(trunk_lean_deg=6, elbow_bend_deg=35, arm_swing_deg=55)),
        ("lean from\nthe ankles", Carriage(trunk_lean_deg=15)),
    ]
    minutes = np.linspace(0, 60, len(changes))
    if narrow:
        return _next_posture_down_the_page(changes, minutes)
    with style.series_style(projector=False):
        figure = style.new_figure(13, 6.5)
        ax = figure.add_subplot()
        spacing = 1.05
        for index, (label, carriage) in enumerate(changes):
            x = index * spacing
            for row_y, chosen in ((1.2, carriage), (-1.2, SLUMPED)):
                joints = runner_joints(HEIGHT_M, chosen, 0.25)
                runner = StickFigure(ax, "side", HEIGHT_M, x_offset=x, scale=0.6)
                for chains in ("arms", "spine"):
                    runner.show_strain(chains, tense=chosen is SLUMPED)
                for point in joints.values():
                    point[2] = point[2] * FIGURE_SCALE + row_y  # smaller figures, one row each
                    point[1] *= FIGURE_SCALE
                runner.set_pose(joints)
                runner.head.set_radius(runner.head.get_radius() * FIGURE_SCALE)
            ax.text(x, 1.1, label, ha="center", va="top", fontsize=12, color=style.INK)
            ax.text(x, -1.3, f"{minutes[index]:.0f} min", ha="center", va="top", fontsize=12, color=style.INK)
        ax.text(-0.55, 2.65, "Changing it up: the best posture is the next one",
                color=style.text_colour(style.RELAXED), fontsize=16, fontweight="bold", va="bottom")
        ax.text(-0.55, 0.2, "Held still: the same slump for the whole hour", color=style.text_colour(style.TENSE),
                fontsize=16, fontweight="bold", va="bottom")
        ax.set_xlim(-0.6, (len(changes) - 1) * spacing + 0.6)
        ax.set_ylim(-1.6, 2.95)
        ax.set_aspect("equal")
        ax.axis("off")
    return figure


def _next_posture_down_the_page(changes, minutes):
    row_gap, columns = 1.5, (4.2, 6.2)  # data units: a runner is 1.3 tall; words on the left
    with style.series_style(projector=False):
        figure = style.narrow_figure(7.0)
        ax = figure.add_subplot()
        for index, (label, carriage) in enumerate(changes):
            row_y = -index * row_gap
            for x, chosen in zip(columns, (carriage, SLUMPED)):
                joints = runner_joints(HEIGHT_M, chosen, 0.25)
                runner = StickFigure(ax, "side", HEIGHT_M, x_offset=x, scale=0.6)
                for chains in ("arms", "spine"):
                    runner.show_strain(chains, tense=chosen is SLUMPED)
                for point in joints.values():
                    point[2] = point[2] * FIGURE_SCALE + row_y
                    point[1] *= FIGURE_SCALE
                runner.set_pose(joints)
                runner.head.set_radius(runner.head.get_radius() * FIGURE_SCALE)
            ax.text(0, row_y + 0.65, f"{minutes[index]:.0f} min: {label.replace(chr(10), ' ', 1)}"
                    .replace(": ", ":\n", 1), va="center", fontsize=12, color=style.INK)
        ax.text(0, 2.45, "Left: changing it up, the best\nposture is the next one",
                color=style.text_colour(style.RELAXED), fontsize=13, fontweight="bold", va="bottom")
        ax.text(0, 1.55, "Right: held still, the same slump\nfor the whole hour", color=style.text_colour(style.TENSE),
                fontsize=13, fontweight="bold", va="bottom")
        ax.set_xlim(-0.1, 7.0)
        ax.set_ylim(-(len(changes) - 1) * row_gap - 0.2, 3.5)
        ax.set_aspect("equal")
        ax.axis("off")
    return figure


class HeadLoadLiveFigure(LivePicture):
    """The upper body from the side with the head's lever, beside the load chart with Hansraj's points.
    Narrow (a phone): the body above the chart."""

    def __init__(self, narrow: bool = False):
        with style.series_style(narrow=narrow):
            if narrow:
                self.figure = style.narrow_figure(6.6, live=True)
                self.body_ax = self.figure.add_axes((0.0, 0.56, 1.0, 0.39))
                self.chart_ax = self.figure.add_axes((0.15, 0.1, 0.81, 0.38))
            else:
                self.figure = style.new_figure(11, 5.6, live=True)
                self.body_ax = self.figure.add_axes((0.0, 0.02, 0.32, 0.88))
                self.chart_ax = self.figure.add_axes((0.42, 0.15, 0.55, 0.77))
            self.runner = StickFigure(self.body_ax, "side", HEIGHT_M)
            frame_runner_axes(self.body_ax, (-0.6, 0.8), (0.7, 1.95))  # the upper body only
            (self.plumb,) = self.body_ax.plot([], [], color=style.INK, lw=1.2, ls="--")
            (self.lever,) = self.body_ax.plot([], [], color=POSTURE, lw=3)
            self.state = self.body_ax.text(0.5, 1.0, "", transform=self.body_ax.transAxes, ha="center",
                                           va="bottom", fontweight="bold", color=style.INK)
            self.lever_text = self.body_ax.text(0.02, 0.99, "", color=style.text_colour(POSTURE), va="top",
                                                transform=self.body_ax.transAxes)
            ax = self.chart_ax
            ax.set_xlim(0, MAX_TOTAL_FORWARD_DEG)
            ax.set_ylim(0, 32)
            ax.set_xlabel("head and neck tipped forward\nfrom upright (degrees)" if narrow
                          else "head and neck tipped forward from upright (degrees)")
            ax.set_ylabel("effective load (kg)")
            ax.grid(alpha=0.3)
            angles = sorted(HANSRAJ_2014_KG)
            low = [HANSRAJ_2014_KG[a][0] for a in angles]
            high = [HANSRAJ_2014_KG[a][1] for a in angles]
            middle = [(a + b) / 2 for a, b in zip(low, high)]
            ax.errorbar(angles, middle, yerr=[np.subtract(middle, low), np.subtract(high, middle)], fmt="s",
                        color=style.INK, ms=9, capsize=4)
            # narrow: bottom right, under the points and the curve at every body mass
            x, y, ha, va = (89, 0.5, "right", "bottom") if narrow else (61, 27, "left", "center")
            ax.text(x, y, "Hansraj 2014\n(computer model)", ha=ha, va=va,
                    fontsize=style.series_rc()["font.size"] - 1)
            (self.curve,) = ax.plot([], [], color=POSTURE, lw=3)
            (self.marker,) = ax.plot([], [], "o", color=POSTURE, ms=13, zorder=5)
            self.curve_text = ax.text(0, 0, "", color=style.text_colour(POSTURE), ha="left", va="top")

        self._curve_mass = None
        self.narrow_layout = narrow
        self.frames = LiveFrames(self.figure, [*self.runner.artists(), self.plumb, self.lever, self.lever_text,
                                               self.curve, self.marker, self.curve_text, self.state], narrow)

    def update(self, body_mass_kg: float = 70, head_forward_deg: float = 0,
               upper_back_rounding_deg: float = 0) -> str:
        carriage = Carriage(trunk_lean_deg=UPRIGHT.trunk_lean_deg, head_forward_deg=head_forward_deg,
                            upper_back_rounding_deg=upper_back_rounding_deg)
        load = head_load(body_mass_kg, head_forward_deg, upper_back_rounding_deg, carriage.trunk_lean_deg)
        joints = runner_joints(HEIGHT_M, carriage, 0.25)
        self.runner.set_pose(joints)
        loaded = load.forward_angle_deg >= LOADED_FROM_DEG
        self.runner.show_strain("spine", tense=loaded)
        base, ear = joints["neck_base"], joints["ear"]
        self.plumb.set_data([base[1], base[1]], [base[2], ear[2] + 0.12])
        self.lever.set_data([base[1], ear[1]], [ear[2] - 0.1, ear[2] - 0.1])  # just under the head
        self.lever_text.set_text(f"the head sits {load.lever_m * 100:.0f} cm in front\nof the base of the neck")
        self.state.set_text("spine: loaded (dashed)" if loaded else "spine: easy (solid)")
        if self._curve_mass != body_mass_kg:
            angles = np.linspace(0, MAX_TOTAL_FORWARD_DEG, 46)
            self.curve.set_data(angles, [head_load(body_mass_kg, a).effective_load_kg for a in angles])
            self._curve_mass = body_mass_kg
        self.marker.set_data([load.forward_angle_deg], [load.effective_load_kg])
        # narrow, past 30°: in two lines, no further right than the chart's edge leaves room for (below 30° the
        # load may be too low for two lines above the axis)
        two_lines = self.narrow_layout and load.forward_angle_deg >= 30
        self.curve_text.set_position((min(load.forward_angle_deg, 52 if self.narrow_layout else 58) + 3,
                                      load.effective_load_kg - 1.2))
        self.curve_text.set_text(f"this model:{chr(10) if two_lines else ' '}{load.effective_load_kg:.1f} kg")
        return head_load_caption(load, carriage)


def head_load_caption(load, carriage: Carriage) -> str:
    """The load in words, with the angle split into its parts, so "0° head forward" never reads as 6°."""
    if load.forward_angle_deg < NEARLY_UPRIGHT_BELOW_DEG:
        return (f"<b>Head over the shoulders.</b> Only the running lean ({carriage.trunk_lean_deg:.0f}°) tips the "
                f"head and neck ({load.head_and_neck_kg:.1f} kg) a little forward: the spine carries their "
                f"weight and the muscles behind the neck hold only {load.moment_nm:.1f} N·m (newton-metres, "
                "a measure of turning effort).")
    return (
        f"<b>{load.forward_angle_deg:.0f}° forward in all</b>: head {carriage.head_forward_deg:.0f}°, upper back "
        f"{carriage.upper_back_rounding_deg:.0f}°, running lean {carriage.trunk_lean_deg:.0f}°. The head sits "
        f"{load.lever_m * 100:.0f} cm in front of the base of the neck, so the muscles behind it hold "
        f"{load.moment_nm:.1f} N·m, about the pull of {load.muscle_pull_kg:.0f} kg if they act "
        f"{ASSUMED_EXTENSOR_MOMENT_ARM_M * 100:.0f} cm behind the joint. Together with the head's own weight, "
        f"about <b>{load.effective_load_kg:.0f} kg</b> rests on the base of the neck."
    )
