"""Every interactive explorer in the series, by name, derived from the lesson registry.

The benchmark times each one's update; the tests check the list matches what the lessons offer.
"""

from importlib import import_module

from upperback.models.course.lessons import LESSONS


def explorer_name(lesson, function_name: str) -> str:
    """ "01 arm swing" for lesson 01's ``explore_arm_swing``."""
    return f"{lesson.number:02d} {function_name.removeprefix('explore_').replace('_', ' ')}"


EXPLORERS = {
    explorer_name(lesson, name): getattr(import_module(f"upperback.lessons.{lesson.key}"), name)
    for lesson in LESSONS for name in lesson.explorers
}
