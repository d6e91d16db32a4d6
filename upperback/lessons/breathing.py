"""What lesson 02 (breathing) calls: one line per cell."""


from upperback.figures.breathing import BreathLiveFigure
from upperback.figures.ventilation import PacerLiveFigure, VentilationLiveFigure
from upperback.models.body.breathing_mechanics import PATTERNS
from upperback.models.body.breathing_rhythm import STEP_PATTERNS, breathing_rhythm
from upperback.models.body.running import EXPLORER_CADENCE_SPM, on_cadence_slider
from upperback.models.body.ventilation import REST, dead_space_ml, same_total_other_pattern, ventilation
from upperback.models.course.lessons import BY_KEY
from upperback.widgets.controls import picker, slider
from upperback.widgets.explorer import Explorer
from upperback.widgets.selfcheck_form import SelfCheckForm

SHORT_NAMES = {"deep": "deep: diaphragm", "shallow": "shallow: chest"}  # the slider's readout is narrow


def explore_breath() -> Explorer:
    """One breath, deep or shallow: press play to breathe in and out."""
    controls = {
        "pattern": picker("Breathing", [(SHORT_NAMES[p], p) for p in PATTERNS], "deep",
                          "Which way of breathing to show"),
        "breath_percent": slider("Moment in the breath (%)", 0, 95, 5, 50, "0: breathed out; 50: all the way in",
                                 play_ms=150, play_hint="press Play to breathe in and out; Pause to look closely"),
    }
    return Explorer(BreathLiveFigure(), controls)


def explore_ventilation() -> Explorer:
    """Breaths per minute, breath size and body mass: how much of the air is useful."""
    controls = {
        "breaths_per_min": slider("Breaths per minute", 10, 60, 1, 40, "How many breaths a minute"),
        "tidal_volume_ml": slider("Size of each breath (mL)", 300, 3000, 50, 750, "Air per breath in millilitres"),
        "body_mass_kg": slider("Body mass (kg)", 40, 120, 1, 70, "Sets the dead space: about 2.2 mL per kg"),
    }
    return Explorer(VentilationLiveFigure(), controls)


def explore_pacer(cadence: float = 170) -> Explorer:
    """Breaths locked to steps: a cadence and a steps-in:steps-out pattern."""
    controls = {
        "cadence": slider("Cadence (steps/min)", *EXPLORER_CADENCE_SPM, 2, on_cadence_slider(cadence),
                          "Steps per minute, both feet counted"),
        "pattern": picker("Steps in : steps out", STEP_PATTERNS, "3:3", "Steps breathing in : steps breathing out"),
        "moment_percent": slider("Moment (%)", 0, 100, 2, 0, "Where the 'now' line sits on the time line",
                                 play_ms=160, play_hint="press Play to run the time line; Pause to look closely"),
    }
    return Explorer(PacerLiveFigure(), controls)


def ventilation_numbers() -> None:
    """West's worked example at rest, and one running comparison at the same total ventilation."""
    rest = ventilation(REST["breaths_per_min"], REST["tidal_volume_ml"], 150)
    print(f"at rest: {rest.tidal_volume_ml:.0f} mL x {rest.breaths_per_min:.0f}/min = "
          f"{rest.total_l_per_min:.2f} L/min moved, {rest.useful_l_per_min:.2f} L/min useful")
    running = ventilation(40, 750, dead_space_ml(70))
    other = same_total_other_pattern(running)
    for name, pattern in (("shallow and quick", running), ("deep and slow", other)):
        print(f"{name}: {pattern.tidal_volume_ml:.0f} mL x {pattern.breaths_per_min:.0f}/min = "
              f"{pattern.total_l_per_min:.1f} L/min moved, {pattern.useful_l_per_min:.1f} L/min useful "
              f"({pattern.dead_space_share:.0%} wasted)")
    for pattern in ("3:3", "2:2", "2:1"):
        rhythm = breathing_rhythm(170, pattern)
        print(f"170 steps/min, {pattern}: {rhythm.breaths_per_min:.1f} breaths/min")


def self_check() -> SelfCheckForm:
    return SelfCheckForm(BY_KEY["breathing"].self_check)
