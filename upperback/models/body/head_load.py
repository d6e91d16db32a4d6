"""The head as a weight on a lever: what a forward head and a rounded upper back ask of the muscles.

The head and neck ([Winter2009] Table 4.1: 8.1 % of body mass, centre of mass at the ear canal, i.e. 1.000
of the segment from C7–T1) sit on the base of the neck. Tipped forward by an angle from upright, their
weight acts at a horizontal distance d = L·sin(angle) in front of the joint, and the muscles behind the
neck must pull back with a moment M = m·g·d. A rounded upper back tips the base of the neck forward too,
so its angle adds to the head's.

"Effective load": the force on the base of the neck, expressed in kilograms, as [Hansraj2014] reports his
results: the head's weight along the spine plus the muscles' pull. The muscles' pull needs their lever
(moment arm) behind the joint, which varies between muscles and postures (modelled in detail by
[Vasavada1998]). We assume a round 5 cm: an illustration, not a measurement.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from upperback.models.body.anthropometry import SEGMENTS, check_body_mass, check_height
from upperback.models.body.runner_pose import HEAD_AND_NECK_FRACTION
from upperback.models.body.running import GRAVITY_M_S2

ASSUMED_EXTENSOR_MOMENT_ARM_M = 0.05  # an assumption for illustration, see [Vasavada1998] and the docstring
MAX_TOTAL_FORWARD_DEG = 90.0  # our bound: the head level with the base of the neck
# Where lesson 03 starts to call the head "forward": teaching thresholds, our choice, not measured cut-offs.
NEARLY_UPRIGHT_BELOW_DEG = 10.0
LOADED_FROM_DEG = 20.0

# [Hansraj2014]: load on the cervical spine from a
# finite-element computer model, by forward flexion of the head. At 0° he gives a range of 10–12 lb.
HANSRAJ_2014_KG = {0: (4.5, 5.4), 15: (12.0, 12.0), 30: (18.0, 18.0), 45: (22.0, 22.0), 60: (27.0, 27.0)}


@dataclass(frozen=True)
class HeadLoad:
    head_and_neck_kg: float
    forward_angle_deg: float  # lean, upper-back rounding and head forward together, from upright
    lever_m: float  # horizontal distance of the head's centre of mass in front of the base of the neck
    moment_nm: float  # what the muscles behind the neck must hold
    muscle_pull_kg: float  # their pull, in kg, with the assumed moment arm
    effective_load_kg: float  # weight along the spine plus the muscles' pull, in kg


def head_load(body_mass_kg: float, head_forward_deg: float, upper_back_rounding_deg: float = 0.0,
              trunk_lean_deg: float = 0.0, height_m: float = 1.75) -> HeadLoad:
    """A running lean tips the whole trunk, neck included, so it adds to the angle as well."""
    check_body_mass(body_mass_kg)
    if min(head_forward_deg, upper_back_rounding_deg, trunk_lean_deg) < 0:
        raise ValueError("Angles here are measured forward from upright: use 0° or more.")
    angle = head_forward_deg + upper_back_rounding_deg + trunk_lean_deg
    if angle > MAX_TOTAL_FORWARD_DEG:
        raise ValueError(f"Lean, upper-back rounding and head forward come to {angle:g}° together, more than "
                         f"lying flat ({MAX_TOTAL_FORWARD_DEG:g}°): choose smaller angles.")
    mass = SEGMENTS["head_and_neck"].mass_fraction * body_mass_kg
    length = HEAD_AND_NECK_FRACTION * check_height(height_m) * SEGMENTS["head_and_neck"].com_fraction
    lever = length * math.sin(math.radians(angle))
    moment = mass * GRAVITY_M_S2 * lever
    pull_kg = moment / ASSUMED_EXTENSOR_MOMENT_ARM_M / GRAVITY_M_S2
    along_spine_kg = mass * math.cos(math.radians(angle))
    return HeadLoad(mass, angle, lever, moment, pull_kg, along_spine_kg + pull_kg)
