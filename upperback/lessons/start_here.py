"""What lesson 00 (start here) calls: one line per cell."""

import ipywidgets as widgets

import upperback
from upperback.figures.upper_back import UpperBackLiveFigure
from upperback.models.body.upper_back import STRUCTURES
from upperback.models.course.lessons import BY_KEY
from upperback.widgets.controls import picker
from upperback.widgets.explorer import Explorer
from upperback.widgets.messages import problem_html
from upperback.widgets.selfcheck_form import SelfCheckForm


def check_installation(lessons_version: str) -> widgets.HTML:
    """Whether the course package installed here is the one these lessons were written for. On a hub the
    package comes with the hub's image and the lessons with the class link: the two can drift apart."""
    installed = upperback.__version__
    if installed == lessons_version:  # nothing to say: a learner need not meet the plumbing
        return widgets.HTML("")
    return widgets.HTML(problem_html(
        f"These lessons are version {lessons_version}, but the course package installed here is version "
        f"{installed}, so some pictures and questions may not match the text. On your own computer: open a "
        "terminal in the course folder and run `make lab` again (or `pip install --upgrade .`). On a class "
        "hub or Binder: tell your coach, who updates the course package on the hub; until then, the lessons "
        "still teach, but trust the text over the widgets where they differ."))


def explore_upper_back() -> Explorer:
    """A slider that steps through the parts of the upper back, highlighting one at a time."""
    names = {"all": "whole area", **{s.key: s.name for s in STRUCTURES}}
    part = picker("Show", [(names[key], key) for key in UpperBackLiveFigure.choices], "all",
                  "Move to highlight one part of the upper back")
    return Explorer(UpperBackLiveFigure(), {"part": part})


def self_check() -> SelfCheckForm:
    """Where it aches, when it starts, how long it lasts: saved for lesson 04."""
    return SelfCheckForm(BY_KEY["start_here"].self_check)
