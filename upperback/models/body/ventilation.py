"""How much air a runner moves, and how much of it reaches the lungs' air sacs.

Minute ventilation V̇E = VT × f; alveolar ventilation V̇A = (VT − VD) × f, where VD is the anatomical dead
space: the air in the nose, throat and airways that is moved but never exchanged ([West2020] ch. 2). VD ≈ 2.2 mL per kg of body mass, about 150 mL in an adult. At the same
V̇E, quick shallow breaths spend a larger share on dead space.
"""

from __future__ import annotations

from dataclasses import dataclass

from upperback.models.body.anthropometry import check_body_mass

DEAD_SPACE_ML_PER_KG = 2.2  # [West2020]: ≈ 150 mL in an adult, about 2.2 mL per kg (1 mL per lb)
# Our bounds, wide of what [West2020] gives for hard exercise: 40–50+ breaths a minute, breaths of 2–3 L
# (about half the vital capacity).
MIN_BREATHS_PER_MIN, MAX_BREATHS_PER_MIN = 4.0, 80.0
MAX_TIDAL_VOLUME_ML = 4000.0
REST = {"breaths_per_min": 15.0, "tidal_volume_ml": 500.0}  # [West2020] ch. 2, the worked example at rest


def dead_space_ml(body_mass_kg: float) -> float:
    return DEAD_SPACE_ML_PER_KG * check_body_mass(body_mass_kg)


@dataclass(frozen=True)
class Ventilation:
    breaths_per_min: float
    tidal_volume_ml: float
    dead_space_ml: float
    total_l_per_min: float  # minute ventilation, V̇E
    useful_l_per_min: float  # alveolar ventilation, V̇A: the air that reaches the air sacs

    @property
    def dead_space_share(self) -> float:
        return self.dead_space_ml / self.tidal_volume_ml


def ventilation(breaths_per_min: float, tidal_volume_ml: float, dead_space_ml: float) -> Ventilation:
    if not MIN_BREATHS_PER_MIN <= breaths_per_min <= MAX_BREATHS_PER_MIN:
        raise ValueError(
            f"{breaths_per_min:g} breaths a minute is outside what people breathe "
            f"({MIN_BREATHS_PER_MIN:g}–{MAX_BREATHS_PER_MIN:g})."
        )
    if not 0 < dead_space_ml < tidal_volume_ml <= MAX_TIDAL_VOLUME_ML:
        if tidal_volume_ml > MAX_TIDAL_VOLUME_ML:
            raise ValueError(f"A breath of {tidal_volume_ml:g} mL is more than a runner can take "
                             f"(at most about {MAX_TIDAL_VOLUME_ML:g} mL).")
        raise ValueError(
            f"A breath of {tidal_volume_ml:g} mL is no bigger than the {dead_space_ml:.0f} mL of dead space, "
            "so no fresh air would reach the lungs: choose a bigger breath."
        )
    total = tidal_volume_ml * breaths_per_min / 1000
    useful = (tidal_volume_ml - dead_space_ml) * breaths_per_min / 1000
    return Ventilation(breaths_per_min, tidal_volume_ml, dead_space_ml, total, useful)


def same_total_other_pattern(breathing: Ventilation) -> Ventilation:
    """The same minute ventilation breathed the other way: half as deep and twice as fast, or the reverse.

    A breath of at least 1 L counts as deep here, so it is compared with shallow-and-quick breathing. Near
    the limits the rate is held at the nearest possible value and the breath size follows from it."""
    first = 2.0 if breathing.tidal_volume_ml >= 1000 else 0.5  # how the breathing rate changes
    for rate_factor in (first, 1 / first):
        rate = min(max(breathing.breaths_per_min * rate_factor, MIN_BREATHS_PER_MIN), MAX_BREATHS_PER_MIN)
        tidal = breathing.total_l_per_min * 1000 / rate
        if rate != breathing.breaths_per_min and breathing.dead_space_ml < tidal <= MAX_TIDAL_VOLUME_ML:
            return ventilation(rate, tidal, breathing.dead_space_ml)
    raise ValueError("There is no other way to breathe this much air a minute: try a smaller total.")
