"""The head-on-a-lever model: hand-worked values, its limits, and an honest comparison with Hansraj 2014."""

import math

import pytest

from upperback.models.body.head_load import HANSRAJ_2014_KG, head_load


def test_upright_the_head_and_neck_weigh_8_percent_of_body_mass_and_need_no_holding():
    load = head_load(70, 0)
    assert load.head_and_neck_kg == pytest.approx(0.081 * 70)
    assert load.moment_nm == 0 and load.effective_load_kg == pytest.approx(0.081 * 70)


def test_a_30_degree_forward_head_matches_the_hand_worked_lever():
    # 70 kg, 1.75 m: m = 5.67 kg; lever = 0.118 × 1.75 × sin 30° = 0.10325 m; M = 5.67 × 9.81 × 0.10325
    load = head_load(70, 30)
    assert load.lever_m == pytest.approx(0.10325, abs=1e-5)
    assert load.moment_nm == pytest.approx(5.743, abs=0.01)
    assert load.effective_load_kg == pytest.approx(5.67 * math.cos(math.radians(30)) + 0.58545 / 0.05, abs=0.02)


def test_rounding_the_upper_back_adds_to_the_head_angle():
    assert head_load(70, 15, 15).moment_nm == pytest.approx(head_load(70, 30).moment_nm)
    assert head_load(70, 10, 10, trunk_lean_deg=10).forward_angle_deg == 30


def test_the_load_rises_steeply_at_first_as_in_hansraj_2014():
    ours = {angle: head_load(65, angle).effective_load_kg for angle in HANSRAJ_2014_KG}
    low, high = HANSRAJ_2014_KG[0]
    assert low <= ours[0] <= high  # upright, both are the head's own weight
    assert ours[15] / ours[0] == pytest.approx(12 / 4.95, rel=0.25)  # both roughly double by 15°
    for angle in (15, 30, 45, 60):  # the single lever stays below the finite-element figures
        assert ours[angle] < HANSRAJ_2014_KG[angle][0]
        assert ours[angle] > 0.75 * HANSRAJ_2014_KG[angle][0]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: head_load(10, 20), "Give your mass in kilograms"),
        (lambda: head_load(70, -5), "forward from upright"),
        (lambda: head_load(70, 60, 40), "more than lying flat"),
    ],
)
def test_impossible_input_is_refused_in_plain_words(call, words):
    with pytest.raises(ValueError, match=words):
        call()
