"""The numbers lessons 01, 03 and 06 show as tables: a table a phone can wrap cell by cell and a screen reader can
read with its headers (they were lines of aligned text, which a phone broke mid-row), the same numbers as the
models give, and aligned text where no HTML is shown."""

import pytest

from upperback.lessons import arm_carriage, posture, your_experiment
from upperback.models.body.arm_pendulum import arm_pendulum, stride_frequency_hz
from upperback.models.body.head_load import HANSRAJ_2014_KG, head_load
from upperback.models.records.experiment import POWER_QUOTED
from upperback.widgets.number_table import NumberTable


def test_a_table_is_named_names_its_columns_and_rows_and_keeps_each_number_with_its_unit():
    table = NumberTable("Loads", ("head forward", "load"), (("15°", "10.7 kg <of head>"), ("0°", "4.5–5.4 kg")),
                        "a 2-point note")
    html = table._repr_html_()
    assert "<caption>Loads</caption>" in html
    assert html.count('<th scope="col">') == 2 and '<th scope="row">15°</th>' in html
    assert "<td>10.7\u00a0kg &lt;of head&gt;</td>" in html, "no line break between 10.7 and kg; text escaped"
    assert "<td>4.5–\u20605.4\u00a0kg</td>" in html, "nor after a range's dash"
    assert html.endswith("<p>a 2-\u2060point note</p>"), "nor after a number's hyphen"
    assert repr(table).splitlines() == ["Loads", "head forward |              load", "         15° | 10.7 kg <of head>",
                                        "          0° |        4.5–5.4 kg", "a 2-point note"]


def shown_by(monkeypatch, module, call) -> list[NumberTable]:
    shown = []
    monkeypatch.setattr(module, "display", lambda *objects: shown.extend(objects))
    call()
    assert all(isinstance(table, NumberTable) for table in shown)
    return shown


def test_lesson_03_puts_the_model_beside_hansraj_angle_by_angle(monkeypatch):
    (table,) = shown_by(monkeypatch, posture, lambda: posture.compare_with_hansraj(65))
    assert "65 kg runner" in table.caption
    assert table.headers == ("head forward", "this model, 65 kg runner", "Hansraj 2014")
    assert [row[0] for row in table.rows] == [f"{angle}°" for angle in HANSRAJ_2014_KG]
    for (_, ours, published), (angle, (low, high)) in zip(table.rows, HANSRAJ_2014_KG.items(), strict=True):
        load = head_load(65, angle)
        assert ours == (f"{load.effective_load_kg:.1f} kg (lever {load.lever_m * 100:.1f} cm, "
                        f"moment {load.moment_nm:.1f} N·m)")
        assert published == (f"{low:g}–{high:g} kg" if low != high else f"{low:g} kg")
    assert "moment arm of the neck muscles: 5 cm" in table.note


@pytest.mark.parametrize("height_m", [1.55, 1.75, 1.95])
def test_lesson_01_shows_the_arms_swing_and_the_strides_rhythm(monkeypatch, height_m):
    arms, strides = shown_by(monkeypatch, arm_carriage, lambda: arm_carriage.pendulum_numbers(height_m))
    assert arms.rows == tuple((f"{bend}°", f"{arm_pendulum(height_m, bend).frequency_hz:.2f} Hz",
                               f"{arm_pendulum(height_m, bend).pendulum_length_m * 100:.1f} cm") for bend in (0, 90, 150))
    assert strides.rows == tuple((f"{cadence} steps/min", f"{stride_frequency_hz(cadence):.2f} Hz")
                                 for cadence in (160, 170, 180))


def test_lesson_06_shows_how_often_each_number_of_pairs_finds_an_effect(monkeypatch):
    (table,) = shown_by(monkeypatch, your_experiment, your_experiment.what_pairs_can_tell)
    assert table.rows == tuple((f"{pairs}", f"{POWER_QUOTED[(2, pairs)]:.0%} of the time",
                                f"{POWER_QUOTED[(1, pairs)]:.0%} of the time", f"{2 / 2 ** pairs:.3f}")
                               for pairs in (4, 6, 8, 10))
