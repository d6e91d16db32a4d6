"""The arm-swing model against hand-worked values from Winter's segment table ([Winter2009], REFERENCES.md)."""

import itertools
import math

import pytest

from upperback.models.body.anthropometry import SEGMENTS
from upperback.models.body.arm_pendulum import arm_natural_frequency_hz, arm_pendulum, stride_frequency_hz


def test_a_straight_arm_of_a_175_m_runner_swings_at_about_three_quarters_of_a_hertz():
    # Hand-worked with the upper-arm and forearm-and-hand rows: d = 0.2993 m, I/M = 0.006679 m², f = 0.746 Hz.
    arm = arm_pendulum(1.75, 0)
    assert arm.pendulum_length_m == pytest.approx(0.2993, abs=5e-4)
    assert arm.frequency_hz == pytest.approx(0.746, abs=0.002)
    assert 0.7 <= arm.frequency_hz <= 0.8  # a straight arm: roughly 0.7–0.8 Hz


def test_the_two_segment_arm_agrees_with_the_tables_total_arm_row():
    # Total arm, shoulder -> ulnar styloid: length 0.332 H, COM 0.530, r_g about the shoulder 0.645.
    total = SEGMENTS["total_arm"]
    length = (0.186 + 0.146) * 1.75
    one_piece_hz = math.sqrt(9.81 * total.com_fraction * length
                             / (total.gyration_about_proximal * length) ** 2) / (2 * math.pi)
    assert one_piece_hz == pytest.approx(0.738, abs=0.002)
    assert arm_natural_frequency_hz(1.75, 0) == pytest.approx(one_piece_hz, rel=0.02)


def test_a_right_angle_at_the_elbow_gives_the_hand_worked_value():
    # Forearm COM at (0.1742, -0.3255) m: d = 0.2355 m, I/M = 0.004185 m², f = 0.836 Hz.
    assert arm_natural_frequency_hz(1.75, 90) == pytest.approx(0.836, abs=0.002)


def test_bending_the_elbow_raises_the_arm_swing_frequency():
    frequencies = [arm_natural_frequency_hz(1.75, bend) for bend in range(0, 161, 10)]
    assert all(later > earlier for earlier, later in itertools.pairwise(frequencies))


def test_even_a_fully_bent_arm_swings_slower_than_a_running_stride():
    assert arm_natural_frequency_hz(1.75, 160) < stride_frequency_hz(150)


def test_a_taller_runner_has_a_slower_arm_by_the_square_root_of_height():
    ratio = arm_natural_frequency_hz(1.50, 90) / arm_natural_frequency_hz(2.00, 90)
    assert ratio == pytest.approx(math.sqrt(2.00 / 1.50), rel=1e-9)


def test_the_stride_frequency_is_half_the_cadence_per_second():
    assert stride_frequency_hz(170) == pytest.approx(1.4167, abs=1e-4)  # one arm swing per stride: 170 steps/min -> 1.42 Hz


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: arm_pendulum(0.5, 90), "outside what these body tables describe"),
        (lambda: arm_pendulum(175, 90), "Give your height in metres"),
        (lambda: arm_pendulum(1.75, -10), "is not possible"),
        (lambda: arm_pendulum(1.75, 200), "is not possible"),
        (lambda: stride_frequency_hz(20), "outside running"),
        (lambda: stride_frequency_hz(400), "Count your steps"),
    ],
)
def test_impossible_input_is_refused_in_plain_words(call, words):
    with pytest.raises(ValueError, match=words):
        call()
