"""What lesson 00 (start here) calls: one line per cell."""

from upperback.figures.upper_back import UpperBackLiveFigure
from upperback.models.lessons import BY_KEY
from upperback.models.upper_back import STRUCTURES
from upperback.widgets.controls import picker
from upperback.widgets.explorer import Explorer
from upperback.widgets.selfcheck_form import SelfCheckForm


def explore_upper_back() -> Explorer:
    """A slider that steps through the parts of the upper back, highlighting one at a time."""
    names = {"all": "whole area", **{s.key: s.name for s in STRUCTURES}}
    part = picker("Show", [(names[key], key) for key in UpperBackLiveFigure.choices], "all",
                  "Move to highlight one part of the upper back")
    return Explorer(UpperBackLiveFigure(), {"part": part})


def self_check() -> SelfCheckForm:
    """Where it aches, when it starts, how long it lasts: saved for lesson 04."""
    return SelfCheckForm(BY_KEY["start_here"].self_check)
