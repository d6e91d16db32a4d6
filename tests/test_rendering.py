"""Fast live frames look exactly like a full redraw of the same figure, kept labels included, and their
PNG holds exactly the canvas's pixels."""

import io

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from upperback.figures.arm_carriage import ArmSwingLiveFigure
from upperback.figures.arm_pendulum import PendulumLiveFigure
from upperback.figures.rendering import LiveFrames, frame_png, png_bytes
from upperback.lessons.explorers import EXPLORERS


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def assert_frame_matches_full_draw(explorer, first: dict, second: dict):
    explorer.update(**first)
    explorer.png()  # the background is captured here
    explorer.update(**second)
    fast = pixels(explorer.png())
    for artist in explorer.frames.moving:
        artist.set_animated(False)
    full = pixels(png_bytes(explorer.figure, dpi=explorer.figure.dpi))  # the frames' own: 80, or 120 narrow
    assert fast.shape == full.shape
    differing = np.mean(np.any(np.abs(fast - full) > 8, axis=2))
    assert differing < 0.001, f"{differing:.2%} of pixels differ"


LAYOUTS = pytest.mark.parametrize("narrow", [False, True], ids=["wide", "narrow"])


def layout(explorer, narrow: bool):
    """The explorer's figure as a laptop gets it, or as a phone does."""
    return explorer.figure.narrow() if narrow else explorer.figure


@LAYOUTS
@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_every_live_figure_draws_fast_frames_that_match_a_full_draw(name, narrow):
    """Every slider moved at once, to its end. Fixed text is kept in the background: a text that changes but
    was not declared moving would show stale here."""
    explorer = EXPLORERS[name]()
    start = explorer.values()
    assert_frame_matches_full_draw(layout(explorer, narrow), start, slider_ends(explorer))


def slider_ends(explorer) -> dict:
    return {key: control.positions()[-1] for key, control in explorer.controls.items()}


@LAYOUTS
@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_going_back_shows_the_same_frame_pixel_for_pixel(name, narrow):
    """Going back to settings already shown pastes kept labels: a label pasted over anything drawn in the
    frame before it, or in the wrong place, would change pixels here."""
    explorer = EXPLORERS[name]()
    figure, start = layout(explorer, narrow), explorer.values()
    first = figure.update(**start), pixels(figure.png())
    for key, end in slider_ends(explorer).items():
        figure.update(**{**start, key: end})
        figure.png()
    again = figure.update(**start), pixels(figure.png())
    assert again[0] == first[0]
    assert np.array_equal(again[1], first[1])


def test_labels_that_did_not_change_are_pasted_not_drawn():
    """Moving the cadence changes the stride's label only: the pendulum's other two labels are pasted."""
    figure = PendulumLiveFigure()
    figure.update(cadence=170)
    figure.png()
    figure.update(cadence=171)
    drawn = []
    real_draw = figure.figure.draw_artist
    figure.figure.draw_artist = lambda artist: (drawn.append(artist), real_draw(artist))
    try:
        figure.png()
    finally:
        del figure.figure.draw_artist
    words = [artist.get_text() for artist in drawn if isinstance(artist, Text)]
    assert len(words) == 1 and "171 steps/min" in words[0], words


def test_frames_are_pngs_of_exactly_the_canvas():
    figure = ArmSwingLiveFigure()
    figure.update(stride_percent=30, shoulder_raise_cm=4)
    png = figure.png()
    canvas = np.asarray(figure.frames.canvas.buffer_rgba())
    decoded = Image.open(io.BytesIO(png))
    assert decoded.mode == "RGBA" and np.array_equal(np.asarray(decoded), canvas)
    assert frame_png(canvas) == png


def test_a_label_is_drawn_again_when_something_moving_runs_under_it():
    """A kept label is pasted only over the still background: here a moving line passes under it in the
    second frame, and must still show between the letters."""
    figure = Figure(figsize=(4, 2))
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set(xlim=(0, 1), ylim=(0, 1))
    (line,) = ax.plot([0, 1], [0.1, 0.1], color="black", lw=3)
    label = ax.text(0.5, 0.5, "a label that stays", ha="center", va="center", fontsize=14, zorder=5)
    frames = LiveFrames(figure, [line, label])
    frames.png()
    line.set_ydata([0.5, 0.5])  # now through the label's box
    fast = pixels(frames.png())
    line.set_animated(False)
    label.set_animated(False)
    full = pixels(png_bytes(figure))
    assert np.abs(fast - full).max() <= 2  # anti-aliasing rounds a level or two apart, even with nothing kept


def test_kept_labels_stay_within_their_bound():
    """Every height of the pendulum makes new labels (37 kB for the two-line one): the oldest go first."""
    figure = PendulumLiveFigure()
    for centimetres in range(140, 211):
        figure.update(height_m=centimetres / 100)
        figure.png()
    kept = [patch.nbytes for _box, patch in figure.frames.labels.things.values()]
    assert sum(kept) == figure.frames.labels.bytes <= LiveFrames.LABEL_BYTES_KEPT
    assert len(kept) > 20  # and still many kept
