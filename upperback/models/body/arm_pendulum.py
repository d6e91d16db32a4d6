"""The arm as a pendulum hanging from the shoulder, and the rhythm a runner's stride asks of it.

An arm left to itself swings like a compound pendulum: f = (1/2π)·√(m·g·d / I), with m the arm's mass, d the
distance from the shoulder to the arm's centre of mass and I its moment of inertia about the shoulder.
Mass cancels out, so only height and elbow bend matter. The arm is two rigid parts, upper arm and
forearm-with-hand ([Winter2009] Table 4.1), hinged at the elbow; the swing is small and in the
front-to-back plane. It says how the arm would swing on its own, not what a runner's muscles do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from upperback.models.body.anthropometry import ELBOW_BEND_RANGE_DEG, SEGMENTS, segment_length_m
from upperback.models.body.running import GRAVITY_M_S2, check_cadence


@dataclass(frozen=True)
class ArmPendulum:
    """Positions in metres from the shoulder, x forward and y up, with the upper arm hanging straight down."""

    elbow: tuple[float, float]
    wrist: tuple[float, float]
    centre_of_mass: tuple[float, float]
    pendulum_length_m: float  # shoulder to the arm's centre of mass
    frequency_hz: float  # natural frequency of small swings


def arm_pendulum(height_m: float, elbow_bend_deg: float) -> ArmPendulum:
    """The arm of a runner of this height, with the elbow bent by this angle (0 = straight)."""
    straight, fully_bent = ELBOW_BEND_RANGE_DEG
    if not straight <= elbow_bend_deg <= fully_bent:
        raise ValueError(
            f"An elbow bend of {elbow_bend_deg:g}° is not possible: use {straight:g}° (arm straight) to "
            f"{fully_bent:g}° (fully bent)."
        )
    upper, lower = SEGMENTS["upper_arm"], SEGMENTS["forearm_and_hand"]
    upper_length = segment_length_m("upper_arm", height_m)
    lower_length = segment_length_m("forearm", height_m)  # the table's forearm-and-hand length is elbow->wrist
    bend = math.radians(elbow_bend_deg)
    elbow = (0.0, -upper_length)
    direction = (math.sin(bend), -math.cos(bend))  # the forearm turns forward as the elbow bends
    wrist = (lower_length * direction[0], -upper_length + lower_length * direction[1])
    upper_com = (0.0, -upper.com_fraction * upper_length)
    lower_com = (lower.com_fraction * lower_length * direction[0],
                 -upper_length + lower.com_fraction * lower_length * direction[1])
    mass = upper.mass_fraction + lower.mass_fraction  # per kg of body mass: it cancels out below
    com = tuple((upper.mass_fraction * a + lower.mass_fraction * b) / mass for a, b in zip(upper_com, lower_com))
    inertia = (
        upper.mass_fraction * ((upper.gyration_about_com * upper_length) ** 2 + _squared(upper_com))
        + lower.mass_fraction * ((lower.gyration_about_com * lower_length) ** 2 + _squared(lower_com))
    )  # parallel-axis theorem, per kg of body mass
    length = math.hypot(*com)
    frequency = math.sqrt(mass * GRAVITY_M_S2 * length / inertia) / (2 * math.pi)
    return ArmPendulum(elbow, wrist, com, length, frequency)


def arm_natural_frequency_hz(height_m: float, elbow_bend_deg: float) -> float:
    return arm_pendulum(height_m, elbow_bend_deg).frequency_hz


def stride_frequency_hz(cadence_steps_per_min: float) -> float:
    """Arm swings per second: one full swing per stride, and a stride is two steps."""
    check_cadence(cadence_steps_per_min)
    return cadence_steps_per_min / 2 / 60


def _squared(point) -> float:
    return point[0] ** 2 + point[1] ** 2
