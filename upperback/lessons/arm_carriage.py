"""What lesson 01 (arm carriage) calls: one line per cell."""

from IPython.display import display

from upperback.figures.arm_carriage import ArmSwingLiveFigure
from upperback.figures.arm_pendulum import PendulumLiveFigure
from upperback.models.body.anthropometry import ELBOW_BEND_RANGE_DEG
from upperback.models.body.arm_pendulum import arm_pendulum, stride_frequency_hz
from upperback.models.body.runner_pose import CROSSING_FROM_DEG
from upperback.models.body.running import EXPLORER_CADENCE_SPM, on_cadence_slider
from upperback.models.course.lessons import BY_KEY
from upperback.widgets.controls import slider
from upperback.widgets.explorer import Explorer
from upperback.widgets.number_table import NumberTable
from upperback.widgets.selfcheck_form import SelfCheckForm


def explore_arm_swing() -> Explorer:
    """A runner from the front and the side: press play, then shrug, clench and cross to see the change."""
    controls = {
        "stride_percent": slider("Moment in the stride (%)", 0, 95, 5, 0,
                                 "Where in one full stride (two steps) the runner is",
                                 play_ms=120, play_hint="press Play to watch the stride in slow motion; Pause to look closely"),
        "shoulder_raise_cm": slider("Shoulder shrug (cm)", 0, 6, 1, 0, "How far the shoulders lift"),
        "elbow_bend_deg": slider("Elbow bend (°)", *ELBOW_BEND_RANGE_DEG, 10, 90, "0° is a straight arm"),
        "hand_cross_deg": slider("Hands swing across (°)", 0, 60, 5, 0,
                                 f"How far the forearms angle in towards the body's middle line; from "
                                 f"{CROSSING_FROM_DEG:.0f}° the hands cross it"),
    }
    return Explorer(ArmSwingLiveFigure(), controls)


def explore_pendulum(cadence: float = 170) -> Explorer:
    """The arm as a pendulum: height, elbow bend and cadence against the stride's rhythm."""
    controls = {
        "height_m": slider("Your height (m)", 1.40, 2.10, 0.01, 1.75, "Standing height in metres"),
        "elbow_bend_deg": slider("Elbow bend (°)", *ELBOW_BEND_RANGE_DEG, 5, 90, "0° is a straight arm"),
        "cadence": slider("Cadence (steps/min)", *EXPLORER_CADENCE_SPM, 2, on_cadence_slider(cadence),
                          "Steps per minute, both feet counted"),
    }
    return Explorer(PendulumLiveFigure(), controls)


def pendulum_numbers(height_m: float = 1.75) -> None:
    """Show the model's numbers for a straight and a bent arm, and the stride at three cadences."""
    arms = []
    for bend in (0, 90, 150):
        arm = arm_pendulum(height_m, bend)
        arms.append((f"{bend}°", f"{arm.frequency_hz:.2f} Hz", f"{arm.pendulum_length_m * 100:.1f} cm"))
    display(NumberTable(f"The arm swinging on its own, for a runner {height_m:g} m tall",
                        ("elbow bent", "swings on its own at", "centre of mass below the shoulder"), tuple(arms)),
            NumberTable("The stride's rhythm", ("cadence", "stride frequency"),
                        tuple((f"{cadence} steps/min", f"{stride_frequency_hz(cadence):.2f} Hz")
                              for cadence in (160, 170, 180))))


def self_check() -> SelfCheckForm:
    return SelfCheckForm(BY_KEY["arm_carriage"].self_check)

