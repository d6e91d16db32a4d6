"""Fast live frames look exactly like a full redraw of the same figure."""

import io

import numpy as np
import pytest
from PIL import Image

from upperback.explorers import EXPLORERS
from upperback.figures.arm_carriage import ArmSwingLiveFigure
from upperback.figures.arm_pendulum import PendulumLiveFigure
from upperback.figures.rendering import png_bytes
from upperback.figures.upper_back import UpperBackLiveFigure


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def assert_frame_matches_full_draw(explorer, first: dict, second: dict):
    explorer.update(**first)
    explorer.png()  # the background is captured here
    explorer.update(**second)
    fast = pixels(explorer.png())
    for artist in explorer.frames.moving:
        artist.set_animated(False)
    full = pixels(png_bytes(explorer.figure))
    assert fast.shape == full.shape
    differing = np.mean(np.any(np.abs(fast - full) > 8, axis=2))
    assert differing < 0.001, f"{differing:.2%} of pixels differ"


def test_pendulum_frames_match_a_full_draw():
    assert_frame_matches_full_draw(PendulumLiveFigure(), {"elbow_bend_deg": 0},
                                   {"height_m": 1.6, "elbow_bend_deg": 130, "cadence": 190})


def test_arm_swing_frames_match_a_full_draw():
    assert_frame_matches_full_draw(ArmSwingLiveFigure(), {"stride_percent": 0},
                                   {"stride_percent": 40, "shoulder_raise_cm": 5, "hand_cross_deg": 50})


def test_upper_back_frames_match_a_full_draw():
    assert_frame_matches_full_draw(UpperBackLiveFigure(), {"part": "all"}, {"part": "rhomboids"})


@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_every_live_figure_draws_fast_frames_that_match_a_full_draw(name):
    """Fixed text is kept in the background: a text that changes but was not declared moving would show
    stale here."""
    explorer = EXPLORERS[name]()
    start = explorer.values()
    ends = {key: (control.options[-1][1] if isinstance(control.options[-1], tuple) else control.options[-1])
            if hasattr(control, "options") else control.max for key, control in explorer.controls.items()}
    assert_frame_matches_full_draw(explorer.figure, start, ends)
