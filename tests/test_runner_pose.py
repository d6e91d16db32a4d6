"""The shared stick-figure body: proportions from Winter's Fig. 4.1, and carriages that do what they say."""

import numpy as np
import pytest

from upperback.models.body.runner_pose import RELAXED, TENSE, Carriage, runner_joints


def distance(joints, a, b):
    return float(np.linalg.norm(joints[a] - joints[b]))


@pytest.mark.parametrize("phase", [0.0, 0.3, 0.7])
def test_segments_keep_their_lengths_through_the_stride(phase):
    joints = runner_joints(1.80, TENSE, phase)
    assert distance(joints, "shoulder_r", "elbow_r") == pytest.approx(0.186 * 1.80)
    assert distance(joints, "elbow_l", "wrist_l") == pytest.approx(0.146 * 1.80)
    assert distance(joints, "hip_r", "knee_r") == pytest.approx(0.245 * 1.80)
    assert distance(joints, "knee_l", "ankle_l") == pytest.approx(0.246 * 1.80)


def test_the_runner_touches_the_ground_and_no_lower():
    for phase in np.linspace(0, 1, 13):
        lowest = min(point[2] for point in runner_joints(1.75, RELAXED, phase).values())
        assert lowest == pytest.approx(0.0, abs=1e-12)


def test_a_shrug_lifts_the_shoulders_by_the_amount_asked():
    relaxed = runner_joints(1.75, RELAXED)
    shrugged = runner_joints(1.75, Carriage(shoulder_raise_cm=5))
    lift = shrugged["shoulder_r"][2] - relaxed["shoulder_r"][2]
    assert lift == pytest.approx(0.05)


def test_turning_the_hands_in_brings_them_towards_the_midline():
    beside = runner_joints(1.75, Carriage(hand_cross_deg=0))
    across = runner_joints(1.75, Carriage(hand_cross_deg=60))
    assert abs(across["hand_r"][0]) < abs(beside["hand_r"][0]) - 0.15


def test_the_two_sides_are_half_a_stride_apart():
    now, later = runner_joints(1.75, RELAXED, 0.1), runner_joints(1.75, RELAXED, 0.6)
    for joint in ("knee", "ankle", "elbow", "hand"):
        assert now[f"{joint}_r"][1:] == pytest.approx(later[f"{joint}_l"][1:])


def test_a_rounded_upper_back_and_forward_head_move_the_ear_forward():
    upright = runner_joints(1.75, Carriage(upper_back_rounding_deg=0, head_forward_deg=0))
    slumped = runner_joints(1.75, Carriage(upper_back_rounding_deg=30, head_forward_deg=30))
    assert slumped["ear"][1] > upright["ear"][1] + 0.1


def test_an_impossible_carriage_is_refused_in_words():
    with pytest.raises(ValueError, match="Elbows bend from 0° .straight. to about 160°: 200 is out of range"):
        Carriage(elbow_bend_deg=200)
