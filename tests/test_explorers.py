"""Explorers driven by code: moving a control changes the picture and the words."""

import pytest

from upperback import start_here
from upperback.figures.upper_back import UpperBackExplorer
from upperback.widgets.explorer import Explorer


def test_moving_the_upper_back_slider_changes_the_picture_and_the_caption():
    explorer = start_here.explore_upper_back()
    before_image, before_caption = bytes(explorer.image.value), explorer.caption.value
    assert before_image.startswith(b"\x89PNG")
    assert "shaded zone" in before_caption
    explorer.controls["part"].value = "rhomboids"
    assert bytes(explorer.image.value) != before_image
    assert "Rhomboids" in explorer.caption.value and "shoulder blade" in explorer.caption.value


def test_every_position_of_the_upper_back_slider_gives_a_different_picture():
    explorer = start_here.explore_upper_back()
    pictures = set()
    for part in UpperBackExplorer.choices:
        explorer.controls["part"].value = part
        pictures.add(bytes(explorer.image.value))
    assert len(pictures) == len(UpperBackExplorer.choices)


def test_an_impossible_value_is_shown_as_a_message_and_the_last_picture_stays():
    import ipywidgets as widgets

    control = widgets.Text(value="all")
    explorer = Explorer(UpperBackExplorer(), {"part": control})
    last_picture = bytes(explorer.image.value)
    control.value = "kneecap"
    assert "There is no part of the upper back called" in explorer.message.value
    assert "Traceback" not in explorer.message.value
    assert bytes(explorer.image.value) == last_picture
    control.value = "trapezius"
    assert explorer.message.value == ""


def test_the_structure_lookup_refuses_unknown_parts_in_words():
    from upperback.models.upper_back import structure

    with pytest.raises(ValueError, match="choose one of"):
        structure("kneecap")
