"""Lesson 01's pictures: relaxed versus tense arm carriage from the front and the side, and the swing."""

from __future__ import annotations

from upperback.figures import style
from upperback.figures.rendering import LiveFrames, LivePicture
from upperback.figures.stick_figure import StickFigure, frame_runner_axes
from upperback.models.body.runner_pose import (
    NEARLY_STRAIGHT_UP_TO_DEG,
    RELAXED,
    TENSE,
    Carriage,
    arm_habits,
    runner_joints,
)

HEIGHT_M = 1.75
CARRIAGES = {"relaxed": RELAXED, "tense": TENSE}


def _frame(ax, view: str) -> None:
    if view == "front":
        ax.axvline(0, color=style.INK, lw=1, ls=(0, (4, 4)), alpha=0.5, zorder=1)  # the body's midline
    frame_runner_axes(ax, (-0.62, 0.62) if view == "front" else (-0.7, 0.75), (-0.05, 1.85))


def arm_carriage_figure(narrow: bool = False):
    """Four runners: front and side view, relaxed and tense; the static diagram for lesson 01. Narrow (a
    phone): the same four, their titles in shorter lines."""
    lines = "\n" if narrow else " "
    with style.series_style(projector=False):
        figure = style.narrow_figure(6.4) if narrow else style.new_figure(12, 11)
        axes = figure.subplots(2, 2)
        titles = {
            ("front", "relaxed"): f"Front, relaxed:\nshoulders low,{lines}hands beside{lines}the body",
            ("front", "tense"): f"Front, tense:\nshoulders shrugged,{lines}hands cross{lines}the middle",
            ("side", "relaxed"): f"Side, relaxed:\nelbow at about 90°,{lines}loose hands",
            ("side", "tense"): f"Side, tense:\nelbow clenched{lines}tight, fists{lines}at the chest",
        }
        for row, view in enumerate(("front", "side")):
            for column, name in enumerate(("relaxed", "tense")):
                ax = axes[row][column]
                colour = style.RELAXED if name == "relaxed" else style.TENSE
                runner = StickFigure(ax, view, HEIGHT_M)
                runner.show_strain("arms", tense=name == "tense")
                phase = 0.0 if view == "front" else 0.25
                runner.set_pose(runner_joints(HEIGHT_M, CARRIAGES[name], phase))
                _frame(ax, view)
                ax.set_title(titles[view, name], color=style.text_colour(colour), fontsize=12 if narrow else 15)
        _note_shrug(axes[0][1], 12 if narrow else 13)
        if narrow:  # no room beside the runner: under all four
            figure.supxlabel("dashed line: the body's middle", fontsize=12)
        else:
            axes[0][0].text(0.98, 0.08, "dashed line:\nthe body's middle", fontsize=12, color=style.INK,
                            transform=axes[0][0].transAxes, ha="right")
    return figure


def _note_shrug(ax, fontsize: float) -> None:
    relaxed = runner_joints(HEIGHT_M, RELAXED)["shoulder_r"]
    tense = runner_joints(HEIGHT_M, TENSE)["shoulder_r"]
    ax.annotate("", xy=(0.36, tense[2]), xytext=(0.36, relaxed[2] - 0.01),
                arrowprops={"arrowstyle": "-|>", "color": style.TENSE, "lw": 2.5, "mutation_scale": 18})
    ax.text(0.38, relaxed[2] - 0.03, "shoulders\nup 5 cm", color=style.text_colour(style.TENSE), fontsize=fontsize, va="top")
    ax.plot([0.25, 0.5], [relaxed[2]] * 2, color=style.RELAXED, lw=2, ls="--")


class ArmSwingLiveFigure(LivePicture):
    """A runner seen from the front and the side, moving through the stride with the chosen carriage. Narrow
    (a phone): the same two runners side by side, which are tall and thin enough to fit."""

    def __init__(self, narrow: bool = False):
        with style.series_style(narrow=narrow):
            self.figure = style.narrow_figure(4.8, live=True) if narrow else style.new_figure(10, 5.6, live=True)
            top = 0.86 if narrow else 0.84  # under the state line and the panels' titles
            self.front_ax = self.figure.add_axes((0.0, 0.0, 0.5, top))
            self.side_ax = self.figure.add_axes((0.5, 0.0, 0.5, top))
            self.front = StickFigure(self.front_ax, "front", HEIGHT_M)
            self.side = StickFigure(self.side_ax, "side", HEIGHT_M)
            for ax, view in ((self.front_ax, "front"), (self.side_ax, "side")):
                _frame(ax, view)
                ax.set_title(f"from the {view}", fontsize=style.series_rc()["font.size"])
            self.state = self.figure.text(0.5, 0.995, "", ha="center", va="top", fontweight="bold",
                                          fontsize=style.series_rc()["font.size"], color=style.INK)
        self.frames = LiveFrames(self.figure, [*self.front.artists(), *self.side.artists(), self.state], narrow)

    def update(self, stride_percent: float = 0, shoulder_raise_cm: float = 0.0, elbow_bend_deg: float = 90.0,
               hand_cross_deg: float = 0.0) -> str:
        carriage = Carriage(shoulder_raise_cm=shoulder_raise_cm, elbow_bend_deg=elbow_bend_deg,
                            hand_cross_deg=hand_cross_deg)
        joints = runner_joints(HEIGHT_M, carriage, stride_percent / 100)
        habits = arm_habits(carriage)
        for runner in (self.front, self.side):
            runner.set_pose(joints)
            runner.show_strain("arms", tense=bool(habits))
        self.state.set_text("arms: working (dashed)" if habits else "arms: relaxed (solid)")
        return _carriage_caption(carriage, joints)


def _carriage_caption(carriage: Carriage, joints) -> str:
    notes = []
    habits = arm_habits(carriage)
    if "shrugged" in habits:
        notes.append(f"shoulders are lifted {carriage.shoulder_raise_cm:.0f} cm: the upper trapezius and levator "
                     "scapulae hold them there on every stride")
    if "clenched" in habits:
        notes.append(f"the elbow is bent {carriage.elbow_bend_deg:.0f}°, clenched: the hands ride up towards "
                     "the chest")
    elif carriage.elbow_bend_deg <= NEARLY_STRAIGHT_UP_TO_DEG:
        notes.append(f"the arm is nearly straight ({carriage.elbow_bend_deg:.0f}°): a long, slow pendulum "
                     "to swing")
    hand_gap_cm = abs(joints["hand_r"][0]) * 100
    if "crossing" in habits:
        notes.append(f"the hands swing in to {hand_gap_cm:.0f} cm from the middle of the body, so the arms "
                     "pull the upper body into a twist")
    if not notes:
        return ("<b>Relaxed carriage.</b> Shoulders low, elbows at a comfortable bend, hands swinging beside "
                "the body: the arms can swing without much holding from the upper back.")
    return "<b>Notice:</b> " + "; ".join(notes) + "."
