"""The breathing models against West's worked example and Bramble & Carrier's ratios."""

import pytest

from upperback.models.body.breathing_mechanics import MOVEMENTS, check_breath_fraction, movement
from upperback.models.body.breathing_rhythm import breathing_rhythm
from upperback.models.body.ventilation import dead_space_ml, same_total_other_pattern, ventilation


def test_wests_resting_example_moves_7_5_litres_and_5_25_reach_the_air_sacs():
    rest = ventilation(15, 500, 150)
    assert rest.total_l_per_min == pytest.approx(7.5)
    assert rest.useful_l_per_min == pytest.approx(5.25)
    assert rest.dead_space_share == pytest.approx(0.3)


def test_dead_space_is_about_150_ml_for_an_adult_of_68_kg():
    assert dead_space_ml(68) == pytest.approx(150, abs=1)


def test_at_the_same_total_shallow_quick_breaths_give_less_useful_air():
    shallow = ventilation(40, 750, 150)
    deep = same_total_other_pattern(shallow)
    assert (deep.breaths_per_min, deep.tidal_volume_ml) == (20, 1500)
    assert deep.total_l_per_min == pytest.approx(shallow.total_l_per_min)
    assert shallow.useful_l_per_min == pytest.approx(24.0)
    assert deep.useful_l_per_min == pytest.approx(27.0)


def test_a_deep_breath_is_compared_with_shallow_quick_breathing():
    other = same_total_other_pattern(ventilation(20, 1500, 150))
    assert (other.breaths_per_min, other.tidal_volume_ml) == (40, 750)


def test_near_the_limits_the_comparison_stays_possible_and_keeps_the_total():
    heavy = ventilation(60, 2500, 154)
    other = same_total_other_pattern(heavy)
    assert other.breaths_per_min == 80
    assert other.total_l_per_min == pytest.approx(150)


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: ventilation(15, 120, 150), "no bigger than the 150 mL of dead space"),
        (lambda: ventilation(15, 9000, 150), "more than a runner can take"),
        (lambda: ventilation(200, 500, 150), "outside what people breathe"),
        (lambda: dead_space_ml(5), "Give your mass in kilograms"),
        (lambda: breathing_rhythm(170, "three"), "Write the pattern as steps in:steps out"),
        (lambda: breathing_rhythm(170, "9:9"), "not a pattern runners use"),
        (lambda: breathing_rhythm(20, "3:3"), "outside running"),
        (lambda: movement("panting"), "Choose a breathing pattern"),
        (lambda: check_breath_fraction(1.5), "from 0"),
    ],
)
def test_impossible_input_is_refused_in_plain_words(call, words):
    with pytest.raises(ValueError, match=words):
        call()


def test_two_steps_in_two_out_is_bramble_and_carriers_commonest_two_strides_per_breath():
    rhythm = breathing_rhythm(170, "2:2")
    assert rhythm.strides_per_breath == 2
    assert rhythm.breaths_per_min == pytest.approx(42.5)


def test_fewer_steps_per_breath_means_quicker_breathing():
    rates = [breathing_rhythm(170, pattern).breaths_per_min for pattern in ("4:4", "3:3", "2:2", "1:1")]
    assert rates == sorted(rates)


def test_the_diaphragm_moves_within_the_ultrasound_norms():
    assert 5 <= MOVEMENTS["deep"].diaphragm_descent_cm <= 7  # Boussuges et al. 2009: deep breathing
    assert 1 <= MOVEMENTS["shallow"].diaphragm_descent_cm <= 2  # quiet breathing
    assert MOVEMENTS["shallow"].helper_muscle_effort > MOVEMENTS["deep"].helper_muscle_effort
