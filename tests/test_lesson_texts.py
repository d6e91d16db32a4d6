"""What the lessons say agrees with their sources and with the code (#23: facts, clarity, words)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from upperback.models.body.anthropometry import SEGMENTS
from upperback.models.body.head_load import LOADED_FROM_DEG

ROOT = Path(__file__).resolve().parents[1]


def lesson(name: str, speaker_notes: bool = False) -> str:
    cells = nbformat.read(ROOT / "notebooks" / name, as_version=4).cells
    return "\n".join(c.source for c in cells if c.cell_type == "markdown"
                     and (speaker_notes or not c.source.startswith("<details><summary>Speaker notes")))


def test_lesson_01_says_the_trunk_swings_the_arms_and_the_shoulders_steady_them():
    text = lesson("01_arm_carriage.ipynb")
    assert "must drive" not in text and "keep driving" not in text
    assert "trunk" in text and "steady" in text
    from upperback.figures.arm_pendulum import pendulum_caption
    caption = pendulum_caption(1.75, 90, 170, 0.84, 1.42)
    assert "driving" not in caption and "steady it rather than drive it" in caption


def test_lesson_03_gives_the_head_mass_the_table_gives_and_the_threshold_the_code_uses():
    text = lesson("03_posture.ipynb")
    assert f"{SEGMENTS['head_and_neck'].mass_fraction * 70:.1f} kg for a 70 kg runner" in text
    assert f"add up to {LOADED_FROM_DEG:.0f}° or more" in text.replace("\n", " ")
    assert "desk work" not in text and "beyond 30°" not in text and "laboratory study" in text


def test_lesson_02_says_hard_running_deepens_breaths_and_the_helper_muscles_join_in():
    text = " ".join(lesson("02_breathing.ipynb").split())
    assert "both faster and deeper" in text and "soften, don't brace" in text
    assert "let them go still" not in text


def test_lesson_05_explains_cadence_per_foot_the_median_and_what_is_kept_outside_the_speaker_notes():
    text = " ".join(lesson("05_your_runs.ipynb").split())
    for words in ("per foot", "about 85 means about 170", "**median**", "`runs`", "file's name",
                  "start time"):
        assert words in text, words


@pytest.mark.parametrize("words", ["numbers are checked each time the course is tested", "pointing forward",
                                   "point forward", "Hands turn in", "Sweating", "Keep it up: keep running tall"])
def test_no_lesson_says_it(words):
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert words not in lesson(path.name, speaker_notes=True), path.name
