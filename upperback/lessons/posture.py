"""What lesson 03 (posture) calls: one line per cell."""

from IPython.display import display

from upperback.figures.posture import HeadLoadLiveFigure
from upperback.models.body.head_load import ASSUMED_EXTENSOR_MOMENT_ARM_M, HANSRAJ_2014_KG, head_load
from upperback.models.course.lessons import BY_KEY
from upperback.widgets.controls import slider
from upperback.widgets.explorer import Explorer
from upperback.widgets.number_table import NumberTable
from upperback.widgets.selfcheck_form import SelfCheckForm


def explore_head_load() -> Explorer:
    """Body mass, head forward and upper-back rounding: the head's lever and the load on the neck."""
    controls = {
        "body_mass_kg": slider("Body mass (kg)", 45, 110, 1, 70, "Sets the head's weight: 8.1 % of body mass"),
        "head_forward_deg": slider("Head forward (°)", 0, 50, 5, 0, "How far the neck tips the head forward"),
        "upper_back_rounding_deg": slider("Upper-back rounding (°)", 0, 30, 5, 0,
                                          "How far the upper back rounds forward"),
    }
    return Explorer(HeadLoadLiveFigure(), controls)


def compare_with_hansraj(body_mass_kg: float = 65) -> None:
    """The lever model beside Hansraj 2014's published estimates, angle by angle (three columns: five do not fit
    a phone)."""
    rows = []
    for angle, (low, high) in HANSRAJ_2014_KG.items():
        load = head_load(body_mass_kg, angle)
        ours = f"{load.effective_load_kg:.1f} kg (lever {load.lever_m * 100:.1f} cm, moment {load.moment_nm:.1f} N·m)"
        rows.append((f"{angle}°", ours, f"{low:g}–{high:g} kg" if low != high else f"{low:g} kg"))
    display(NumberTable(f"The load on the neck: this model for a {body_mass_kg:g} kg runner, and Hansraj (2014)",
                        ("head forward", f"this model, {body_mass_kg:g} kg runner", "Hansraj 2014"), tuple(rows),
                        f"(assumed moment arm of the neck muscles: {ASSUMED_EXTENSOR_MOMENT_ARM_M * 100:g} cm)"))


def self_check() -> SelfCheckForm:
    return SelfCheckForm(BY_KEY["posture"].self_check)
