"""Numbers about running that several models share: gravity, and the range of cadences they accept.

Cadence is steps per minute, both feet counted (a stride is two steps).
"""

GRAVITY_M_S2 = 9.81  # standard gravity, 9.806 65 m/s², rounded [BIPM2019]
MIN_CADENCE_SPM = 100.0  # our bound: below this is walking pace for almost everyone
MAX_CADENCE_SPM = 240.0  # our bound: above the fastest sprinters' step rates
EXPLORER_CADENCE_SPM = (140, 200)  # our choice: what the explorers' cadence sliders offer: a slow jog to fast running


def check_cadence(cadence_steps_per_min: float) -> None:
    """Raise ValueError, in words, for a cadence that is not running."""
    if not MIN_CADENCE_SPM <= cadence_steps_per_min <= MAX_CADENCE_SPM:
        raise ValueError(
            f"A cadence of {cadence_steps_per_min:g} steps per minute is outside running "
            f"({MIN_CADENCE_SPM:g}–{MAX_CADENCE_SPM:g}). Count your steps for 30 seconds and double it."
        )


def on_cadence_slider(cadence_steps_per_min: float) -> int:
    """A runner's cadence as the explorers' sliders can show it: a whole even number within their range."""
    low, high = EXPLORER_CADENCE_SPM
    return int(min(max(2 * round(cadence_steps_per_min / 2), low), high))
