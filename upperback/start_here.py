"""What lesson 00 (start here) calls: one line per cell."""

import ipywidgets as widgets

from upperback.figures.upper_back import UpperBackLiveFigure
from upperback.models.lessons import BY_KEY
from upperback.models.upper_back import STRUCTURES
from upperback.widgets.explorer import Explorer
from upperback.widgets.selfcheck_form import SelfCheckForm


def explore_upper_back() -> Explorer:
    """A slider that steps through the parts of the upper back, highlighting one at a time."""
    names = {"all": "whole area", **{s.key: s.name for s in STRUCTURES}}
    picker = widgets.SelectionSlider(
        options=[(names[key], key) for key in UpperBackLiveFigure.choices],
        value="all",
        description="Show",
        tooltip="Move to highlight one part of the upper back",
        continuous_update=True,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="36em"),
    )
    return Explorer(UpperBackLiveFigure(), {"part": picker})


def self_check() -> SelfCheckForm:
    """Where it aches, when it starts, how long it lasts: saved for lesson 04."""
    return SelfCheckForm(BY_KEY["start_here"].self_check)
