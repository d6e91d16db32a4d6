"""A runner's body as joints in space, for any moment of the stride and any way of holding oneself.

One model serves every stick figure in the series, so proportions and postures agree between lessons.
Segment lengths and landmark heights follow Winter 2009, Fig. 4.1 (Drillis & Contini). The running
motion is a smooth schematic (sine curves for hip swing and knee bend), chosen to look like running, not
measured gait data.

Coordinates in metres: x to the runner's right, y forward, z up; the feet touch the ground at z = 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from upperback.models.body.anthropometry import (
    ELBOW_BEND_RANGE_DEG,
    LANDMARK_HEIGHT_FRACTIONS,
    LENGTH_FRACTIONS,
    check_height,
)

# The stride of the stick figures: schematic, our choice, to look like easy running.
HIP_SWING_DEG = 28.0  # peak forward/backward swing of the thigh
KNEE_BEND_RANGE_DEG = (15.0, 95.0)  # least and most knee bend through the stride
# C7 to the ear canal, taken as shoulder height to eye height (the ear canal sits near eye level).
HEAD_AND_NECK_FRACTION = LANDMARK_HEIGHT_FRACTIONS["eye"] - LANDMARK_HEIGHT_FRACTIONS["shoulder"]
HEAD_RADIUS_FRACTION = 0.065  # half the head's height, chin to crown (0.130 H, [Winter2009] Fig. 4.1)


@dataclass(frozen=True)
class Carriage:
    """How a runner holds arms, trunk and head. Angles in degrees; the defaults are a relaxed runner."""

    shoulder_raise_cm: float = 0.0  # a shrug lifts the shoulders towards the ears
    elbow_bend_deg: float = 90.0  # 0 = straight arm
    hand_cross_deg: float = 0.0  # forearms turned in towards the body's midline
    arm_swing_deg: float = 30.0  # peak swing of the upper arm, forward and back
    trunk_lean_deg: float = 5.0  # whole trunk forward from the hips
    upper_back_rounding_deg: float = 0.0  # extra forward bend of the upper back
    head_forward_deg: float = 0.0  # the neck tipped forward from the line of the upper back

    def __post_init__(self):
        limits = {
            "shoulder_raise_cm": (0, 8, "a shrug lifts the shoulders by at most a few centimetres"),
            "elbow_bend_deg": (*ELBOW_BEND_RANGE_DEG, "elbows bend from {0:g}° (straight) to about {1:g}°"),
            "hand_cross_deg": (0, 70, "the forearms can angle in across the body by up to about 70°"),
            "arm_swing_deg": (0, 70, "arms swing up to about 70° either way"),
            "trunk_lean_deg": (-10, 30, "a running lean is between -10° and 30°"),
            "upper_back_rounding_deg": (0, 60, "the upper back rounds by 0° to 60°"),
            "head_forward_deg": (0, 60, "the head tips forward by 0° to 60°"),
        }
        for name, (low, high, why) in limits.items():
            value = getattr(self, name)
            if not low <= value <= high:
                why = why.format(low, high)
                raise ValueError(f"{why[0].upper()}{why[1:]}: {value:g} is out of range.")


RELAXED = Carriage()
TENSE = Carriage(shoulder_raise_cm=5.0, elbow_bend_deg=135.0, hand_cross_deg=55.0, arm_swing_deg=25.0)

# Where lesson 01 starts to call a carriage shrugged, clenched or crossing: our choice of teaching
# thresholds, drawn from the lesson's cues, not measured cut-offs. Figures and captions read them here.
SHRUGGED_FROM_CM = 2.0
CLENCHED_FROM_DEG = 120.0
NEARLY_STRAIGHT_UP_TO_DEG = 45.0
CROSSING_FROM_DEG = 30.0


def arm_habits(carriage: Carriage) -> tuple[str, ...]:
    """The habits of lesson 01 this carriage shows: any of "shrugged", "clenched" and "crossing"."""
    shown = {"shrugged": carriage.shoulder_raise_cm >= SHRUGGED_FROM_CM,
             "clenched": carriage.elbow_bend_deg >= CLENCHED_FROM_DEG,
             "crossing": carriage.hand_cross_deg >= CROSSING_FROM_DEG}
    return tuple(habit for habit, present in shown.items() if present)


def _unit(angle_deg: float) -> np.ndarray:
    """A direction in the side plane, tipped forward from straight up by the angle."""
    angle = math.radians(angle_deg)
    return np.array([0.0, math.sin(angle), math.cos(angle)])


def runner_joints(height_m: float, carriage: Carriage = RELAXED, stride_phase: float = 0.0) -> dict:
    """Joint positions of a runner at a moment of the stride (0 to 1: one full stride, two steps)."""
    height = check_height(height_m)
    length = {name: fraction * height for name, fraction in LENGTH_FRACTIONS.items()}
    trunk = (LANDMARK_HEIGHT_FRACTIONS["shoulder"] - LANDMARK_HEIGHT_FRACTIONS["hip"]) * height
    joints = {"pelvis": np.array([0.0, 0.0, LANDMARK_HEIGHT_FRACTIONS["hip"] * height])}
    joints["mid_back"] = joints["pelvis"] + trunk / 2 * _unit(carriage.trunk_lean_deg)
    upper_back = carriage.trunk_lean_deg + carriage.upper_back_rounding_deg
    joints["neck_base"] = joints["mid_back"] + trunk / 2 * _unit(upper_back)
    neck_angle = upper_back + carriage.head_forward_deg
    joints["ear"] = joints["neck_base"] + HEAD_AND_NECK_FRACTION * height * _unit(neck_angle)

    for side, sign, phase_offset in (("r", 1.0, 0.0), ("l", -1.0, 0.5)):
        # Each leg is half a stride behind the other; each arm swings against the leg on its own side.
        phase = 2 * math.pi * (stride_phase + phase_offset)
        hip = joints["pelvis"] + np.array([sign * length["hip_width"] / 2, 0.0, 0.0])
        least, most = KNEE_BEND_RANGE_DEG
        knee_bend = least + (most - least) * (0.5 + 0.5 * math.sin(phase + 2.2))  # most bent in early swing
        thigh_angle = HIP_SWING_DEG * math.sin(phase)
        knee = hip - length["thigh"] * _unit(-thigh_angle)
        shank = -_unit(-(thigh_angle - knee_bend))
        ankle = knee + length["shank"] * shank
        toe = ankle + length["foot"] * 0.75 * np.array([0.0, -shank[2], shank[1]])  # foot at right angles
        joints.update({f"hip_{side}": hip, f"knee_{side}": knee, f"ankle_{side}": ankle, f"toe_{side}": toe})

        shoulder = joints["neck_base"] + np.array(
            [sign * length["shoulder_width"] / 2, 0.0, carriage.shoulder_raise_cm / 100 - 0.02 * height])
        arm_angle = -carriage.arm_swing_deg * math.sin(phase)
        elbow = shoulder - length["upper_arm"] * _unit(-arm_angle)
        forearm = -_unit(-(arm_angle + carriage.elbow_bend_deg))
        cross = math.radians(carriage.hand_cross_deg)
        forearm = np.array([-sign * math.sin(cross) * forearm[1], math.cos(cross) * forearm[1], forearm[2]])
        wrist = elbow + length["forearm"] * forearm
        hand = wrist + length["hand"] / 2 * forearm  # a loose fist: about half the hand's length
        joints.update({f"shoulder_{side}": shoulder, f"elbow_{side}": elbow, f"wrist_{side}": wrist,
                       f"hand_{side}": hand})

    lowest = min(joints["toe_r"][2], joints["toe_l"][2], joints["ankle_r"][2], joints["ankle_l"][2])
    for point in joints.values():
        point[2] -= lowest  # stand on the ground
    return joints
