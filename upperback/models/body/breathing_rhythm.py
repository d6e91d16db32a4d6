"""Breaths locked to steps: how a cadence and a steps-per-breath pattern set the breathing rate.

Runners often fall into a fixed number of steps per breath (locomotor–respiratory coupling). Bramble &
Carrier (1983, Science 219: 251–256) saw 4:1, 3:1, 2:1, 1:1, 5:2 and 3:2 strides per breath, 2:1 most
often [Bramble1983]. A stride is two steps, so 2:1 strides per breath is, for example, 2 steps breathing in and 2 out.
"""

from __future__ import annotations

from dataclasses import dataclass

from upperback.models.body.running import check_cadence

# Steps breathing in : steps breathing out, as runners count them: [Bramble1983]'s ratios in whole steps.
STEP_PATTERNS = ("4:4", "3:3", "3:2", "2:2", "2:1", "1:1")


@dataclass(frozen=True)
class BreathingRhythm:
    inhale_steps: int
    exhale_steps: int
    cadence: float  # steps per minute

    @property
    def steps_per_breath(self) -> int:
        return self.inhale_steps + self.exhale_steps

    @property
    def strides_per_breath(self) -> float:
        return self.steps_per_breath / 2

    @property
    def breaths_per_min(self) -> float:
        return self.cadence / self.steps_per_breath

    @property
    def breath_seconds(self) -> float:
        return 60 / self.breaths_per_min


def breathing_rhythm(cadence: float, pattern: str) -> BreathingRhythm:
    """``pattern`` is steps in : steps out, e.g. "3:3"."""
    check_cadence(cadence)
    try:
        inhale, exhale = (int(part) for part in pattern.split(":"))
    except ValueError:
        raise ValueError(f"Write the pattern as steps in:steps out, like 3:3, not {pattern!r}.") from None
    if not (1 <= inhale <= 6 and 1 <= exhale <= 6):
        raise ValueError(f"{pattern} is not a pattern runners use: each part should be 1 to 6 steps.")
    return BreathingRhythm(inhale, exhale, cadence)
