"""The lesson registry: the one place where each lesson's facts are written.

Everything else that needs to know about the lessons (the plan, the check-in form, the plan view, the
handouts, the explorer list, the benchmark and the tests) reads them from here: its number, notebook,
title, the cause it teaches, its self-check, its colour, the heading of its cues section, its explorers
and how long it takes.
"""

from __future__ import annotations

from dataclasses import dataclass

from upperback.models.course.arm_carriage_check import ARM_CARRIAGE_CHECK
from upperback.models.course.breathing_check import BREATHING_CHECK
from upperback.models.course.posture_check import POSTURE_CHECK
from upperback.models.course.questions import SelfCheck
from upperback.models.course.start_here_check import START_HERE_CHECK

CUES_HEADING = "What to try on your next run"  # the section of lessons 01–03 that the plan's cues link to


@dataclass(frozen=True)
class Lesson:
    number: int
    key: str  # names the notebook, its façade (upperback.lessons.<key>) and its saved self-check answers
    title: str
    minutes: int  # on your own, as the lesson's "Time" line says
    workshop_minutes: int  # in a workshop, as the lesson's "Time" line and the facilitator guide's agenda say
    cause: str | None = None  # the cause of the ache this lesson teaches, if it teaches one
    cause_name: str | None = None  # that cause in words, as it completes "points most towards …"
    colour: str | None = None  # the Okabe–Ito colour (upperback.figures.style) that stands for the cause
    self_check: SelfCheck | None = None
    cues_heading: str | None = None  # the heading of the section that explains the lesson's cues
    explorers: tuple[str, ...] = ()  # the façade's functions that show an explorer (in lesson order)
    cues_to_pick: int = 0  # how many cues the lesson asks a runner to try at once
    all_clear: str = ""  # what its self-check says when the answers show none of the lesson's habits

    @property
    def label(self) -> str:
        """How the lesson is named to a runner: "lesson 01"."""
        return f"lesson {self.number:02d}"

    @property
    def notebook(self) -> str:
        return f"{self.number:02d}_{self.key}.ipynb"

    @property
    def cues_anchor(self) -> str | None:
        """The address JupyterLab (and nbconvert) give the cues heading: its words joined by hyphens."""
        return f"#{self.cues_heading.replace(' ', '-')}" if self.cues_heading else None

    @property
    def cues_link(self) -> str | None:
        return self.notebook + self.cues_anchor if self.cues_anchor else None


# The minutes are our estimates (our choice) of the time a lesson takes on your own and in a workshop.
LESSONS = (
    Lesson(0, "start_here", "Start here", 20, 8, self_check=START_HERE_CHECK,
           explorers=("explore_upper_back",)),
    Lesson(1, "arm_carriage", "How you carry your arms", 25, 12, cause="arms", cause_name="how you carry your arms",
           colour="blue", self_check=ARM_CARRIAGE_CHECK, cues_heading=CUES_HEADING,
           explorers=("explore_arm_swing", "explore_pendulum"), cues_to_pick=2,
           all_clear="Your arms sound relaxed: none of the arm habits this lesson looks for showed up in your "
           "answers."),
    Lesson(2, "breathing", "How you breathe", 25, 12, cause="breathing", cause_name="how you breathe",
           colour="sky_blue", self_check=BREATHING_CHECK, cues_heading=CUES_HEADING,
           explorers=("explore_breath", "explore_ventilation", "explore_pacer"), cues_to_pick=2,
           all_clear="Your breathing sounds easy and low: none of the breathing habits this lesson looks for "
           "showed up in your answers."),
    Lesson(3, "posture", "Posture", 20, 12, cause="posture", cause_name="your posture",
           colour="reddish_purple", self_check=POSTURE_CHECK, cues_heading=CUES_HEADING,
           explorers=("explore_head_load",), cues_to_pick=2,
           all_clear="Your posture sounds varied and upright: none of the posture habits this lesson looks for "
           "showed up in your answers."),
    Lesson(4, "your_plan", "Your plan", 15, 10),
    Lesson(5, "your_runs", "Your runs", 15, 15, explorers=("explore_pendulum", "explore_pacer")),
    Lesson(6, "your_experiment", "Your experiment", 20, 10),
)

BY_KEY = {lesson.key: lesson for lesson in LESSONS}
CAUSE_LESSONS = {lesson.cause: lesson for lesson in LESSONS if lesson.cause}  # cause -> the lesson teaching it
CAUSES = tuple(CAUSE_LESSONS)  # in lesson order
CAUSE_NAMES = {cause: lesson.cause_name for cause, lesson in CAUSE_LESSONS.items()}
SELF_CHECKS = tuple(lesson.self_check for lesson in LESSONS if lesson.self_check)


def lesson(key: str) -> Lesson:
    """The lesson saved under ``key``; ValueError in words for a key no lesson has."""
    if key not in BY_KEY:
        raise ValueError(f"There is no lesson called {key!r}; the lessons are {', '.join(BY_KEY)}.")
    return BY_KEY[key]


def check_registry(lessons: tuple[Lesson, ...]) -> None:
    """Refuse a registry that contradicts itself (run at import): better a clear error than a wrong plan."""
    causes = {entry.cause for entry in lessons if entry.cause}
    for number, entry in enumerate(lessons):
        if entry.number != number:
            raise ValueError(f"Lesson {entry.key!r} is number {entry.number}, but stands at place {number}.")
        if entry.self_check and entry.self_check.lesson != entry.key:
            raise ValueError(f"Lesson {entry.key!r} carries the self-check saved as {entry.self_check.lesson!r}.")
        if bool(entry.cause) != bool(entry.cause_name and entry.colour and entry.cues_heading
                                     and entry.cues_to_pick and entry.all_clear):
            raise ValueError(f"Lesson {entry.key!r}: a cause needs its name, colour, cues heading, the number "
                             "of cues to pick and its all-clear words, and only a cause has them.")
        for question in entry.self_check.questions if entry.self_check else ():
            for option in question.options:
                unknown = set(option.points) - causes
                if unknown:
                    raise ValueError(f"Option {option.key!r} points to unknown causes: {sorted(unknown)}")


check_registry(LESSONS)
