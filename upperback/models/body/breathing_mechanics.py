"""What moves when you breathe in, for the two patterns the lesson compares, in centimetres.

Sources: diaphragm travel in quiet breathing about 1–2 cm, in deep breathing about 5–7 cm (ultrasound
norms, Boussuges et al. 2009, Chest 135: 391–400). Upper ribs move mostly forward and up ("pump handle"),
lower ribs mostly outward ("bucket handle"), so the rib cage widens front-to-back and side-to-side, and the
back ribs move too (standard physiology texts, e.g. West). The helper (accessory) breathing muscles are
recruited in heavy or shallow upper-chest breathing. Rib and shoulder travel below are illustrative sizes
chosen to be visible in a diagram, not measurements.
"""

from __future__ import annotations

from dataclasses import dataclass

PATTERNS = ("deep", "shallow")
PATTERN_NAMES = {"deep": "slow and deep, from the diaphragm", "shallow": "quick and shallow, into the upper chest"}
HELPER_MUSCLES = ("scalenes", "sternocleidomastoid", "upper trapezius", "pectoralis minor")  # [West2020] ch. 7


@dataclass(frozen=True)
class BreathMovement:
    """How far each part moves between breathed-out and a full breath in, for one pattern."""

    diaphragm_descent_cm: float
    lower_ribs_outward_cm: float  # each side
    upper_chest_forward_cm: float
    upper_chest_up_cm: float
    shoulders_up_cm: float
    belly_forward_cm: float
    helper_muscle_effort: float  # 0 (resting) to 1 (working hard)


MOVEMENTS = {
    # Diaphragm 6 cm: middle of the 5–7 cm deep-breathing range [Boussuges2009]; the other movements are
    # schematic, our choice, to show which parts move more.
    "deep": BreathMovement(6.0, 1.5, 1.0, 0.5, 0.0, 3.0, 0.0),
    # Diaphragm 1.5 cm: middle of the 1–2 cm quiet-breathing range [Boussuges2009]; the chest and shoulders
    # lift instead (schematic, our choice)
    "shallow": BreathMovement(1.5, 0.3, 1.5, 1.5, 1.5, 0.5, 1.0),
}


def movement(pattern: str) -> BreathMovement:
    if pattern not in MOVEMENTS:
        raise ValueError(f"Choose a breathing pattern: {' or '.join(PATTERNS)}, not {pattern!r}.")
    return MOVEMENTS[pattern]


def check_breath_fraction(breath: float) -> float:
    if not 0 <= breath <= 1:
        raise ValueError(f"The breath goes from 0 (all the way out) to 1 (all the way in), not {breath:g}.")
    return breath
