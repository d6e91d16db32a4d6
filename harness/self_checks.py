"""Every option of every self-check, and the calm answers around it: the scoring's tests and the safety net
each walk every option this way."""

from __future__ import annotations

import pytest

from upperback.models.course.lessons import SELF_CHECKS


def every_option() -> list:
    """Each option of each self-check as pytest parameters (check, question, option), named lesson.question.option."""
    return [pytest.param(check, question, option, id=f"{check.lesson}.{question.key}.{option.key}")
            for check in SELF_CHECKS for question in check.questions for option in question.options]


def quiet_answers(check) -> dict[str, str]:
    """For each question, the first answer that shows no habit, no warning and no doubt: the baseline one
    option is changed against."""
    return {question.key: next(o.key for o in question.options if not (o.points or o.warning or o.cue or o.unsure))
            for question in check.questions}
