"""Body segment data: how heavy each segment is, where its centre of mass sits, how long it is.

Source: [Winter2009] Winter DA, *Biomechanics and Motor Control of Human Movement*, 4th ed., Table 4.1
(after Dempster) and Fig. 4.1 (segment lengths as fractions of standing height, after Drillis & Contini
1966). Keys in square brackets are listed in REFERENCES.md.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_BODY_MASS_KG, MAX_BODY_MASS_KG = 30.0, 200.0  # our bound: the mass fractions are for adults and teenagers
# Our bounds: the models are for adults and teenagers; outside them the table's fractions are a guess.
MIN_HEIGHT_M = 1.20
MAX_HEIGHT_M = 2.20
ELBOW_BEND_RANGE_DEG = (0.0, 160.0)  # straight to fully bent: a bent elbow closes to about 145–160° [Gray2019]


@dataclass(frozen=True)
class Segment:
    mass_fraction: float  # segment mass / body mass
    com_fraction: float  # centre of mass, from the proximal end, / segment length
    gyration_about_com: float  # radius of gyration about the centre of mass / segment length
    gyration_about_proximal: float  # radius of gyration about the proximal end / segment length


# [Winter2009] Table 4.1
SEGMENTS = {
    "hand": Segment(0.006, 0.506, 0.297, 0.587),  # wrist axis -> knuckle II of the middle finger
    "forearm": Segment(0.016, 0.430, 0.303, 0.526),  # elbow axis -> ulnar styloid
    "upper_arm": Segment(0.028, 0.436, 0.322, 0.542),  # glenohumeral axis -> elbow axis
    "forearm_and_hand": Segment(0.022, 0.682, 0.468, 0.827),  # elbow axis -> ulnar styloid
    "total_arm": Segment(0.050, 0.530, 0.368, 0.645),  # glenohumeral joint -> ulnar styloid
    # C7-T1 and first rib -> ear canal. About the proximal end: sqrt(0.495² + 1²) = 1.116 (a widely
    # copied notebook prints 0.116, a typo).
    "head_and_neck": Segment(0.081, 1.000, 0.495, 1.116),
}

# [Winter2009] Fig. 4.1 (Drillis & Contini): lengths as fractions of standing height H.
LENGTH_FRACTIONS = {
    "upper_arm": 0.186,
    "forearm": 0.146,
    "hand": 0.108,  # wrist -> fingertip
    "shoulder_width": 0.259,
    "hip_width": 0.191,
    "thigh": 0.245,
    "shank": 0.246,
    "foot": 0.152,
}
# [Winter2009] Fig. 4.1: heights of landmarks above the floor, as fractions of H.
LANDMARK_HEIGHT_FRACTIONS = {
    "eye": 0.936,
    "chin": 0.870,
    "shoulder": 0.818,
    "hip": 0.530,
    "knee": 0.285,
    "ankle": 0.039,
}


def _within_tables(value: float, low: float, high: float, what: str, unit: str, hint: str) -> float:
    if not low <= value <= high:
        raise ValueError(f"A {what} of {value:g} {unit} is outside what these body tables describe "
                         f"({low:g}–{high:g} {unit}). {hint}")
    return value


def check_height(height_m: float) -> float:
    return _within_tables(height_m, MIN_HEIGHT_M, MAX_HEIGHT_M, "height", "m",
                          "Give your height in metres, e.g. 1.75.")


def check_body_mass(body_mass_kg: float) -> float:
    return _within_tables(body_mass_kg, MIN_BODY_MASS_KG, MAX_BODY_MASS_KG, "body mass", "kg",
                          "Give your mass in kilograms.")


def segment_length_m(name: str, height_m: float) -> float:
    return LENGTH_FRACTIONS[name] * check_height(height_m)
