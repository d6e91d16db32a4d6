"""Every diagram can be read: no text on top of other text, no drawn line through a label, nothing cut off
at the edge, and every text at least 4.5:1 against the white page (WCAG AA), coloured labels included. Checked from matplotlib's own geometry (each text's window extent, each line's path), for every
asset and every live figure at its starting settings and at the ends of its sliders, in normal and
projector sizes. A live figure's narrow layout (a phone) is checked the same way, and its smallest words must
come out at 11 CSS px or more at the width a phone shows it."""

from __future__ import annotations

import pytest

from harness.legibility import Legibility, legibility_problems, smallest_text_px
from upperback.figures import style
from upperback.figures.assets import ASSETS, NARROW
from upperback.lessons.explorers import EXPLORERS


@pytest.mark.parametrize("name", sorted(ASSETS))
def test_every_asset_is_legible(name):
    with style.series_style(projector=False):
        problems = legibility_problems(ASSETS[name]())
    assert problems == []


def _settings(explorer):
    """The explorer's starting settings, then each slider at its lowest and highest."""
    yield {}
    for key, control in explorer.controls.items():
        for value in (control.positions()[0], control.positions()[-1]):
            yield {key: value}


@pytest.mark.parametrize("projector", [False, True], ids=["normal", "projector"])
@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_every_live_figure_is_legible_at_every_slider_end(name, projector):
    style.set_projector_mode(projector)
    try:
        explorer = EXPLORERS[name]()
        start = explorer.values()
        found = set()
        for change in _settings(explorer):
            explorer.figure.update(**(start | change))
            found.update(f"{change or 'start'}: {problem}" for problem in legibility_problems(explorer.figure.figure))
    finally:
        style.set_projector_mode(False)
    assert sorted(found) == []


PHONE_PX = (390, 844)  # a phone's viewport, CSS px
PICTURE_MAX_HEIGHT = 0.62  # of the viewport's height (web/course.css): a taller picture would be shrunk


@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_every_live_figure_has_a_narrow_layout_a_phone_can_read(name):
    """Drawn for a phone's width: legible at every slider end, its smallest words at least 11 CSS px where a
    phone shows it, and short enough to be shown at that width, not shrunk to the screen's height."""
    explorer = EXPLORERS[name]()
    narrow, start = explorer.figure.narrow(), explorer.values()
    assert narrow.figure.get_figwidth() == style.NARROW_WIDTH_IN
    width_in, height_in = narrow.figure.get_size_inches()
    assert height_in / width_in * style.NARROW_SHOWN_PX <= PICTURE_MAX_HEIGHT * PHONE_PX[1]
    found, smallest = set(), []
    for change in _settings(explorer):
        narrow.update(**(start | change))
        seen = Legibility(narrow.figure)
        found.update(f"{change or 'start'}: {problem}" for problem in seen.problems)
        smallest.append(seen.smallest_px(style.NARROW_SHOWN_PX))
    assert sorted(found) == []
    assert min(smallest) >= style.SMALLEST_TEXT_PX


def test_a_wide_figure_on_a_phone_is_what_the_narrow_layout_is_for():
    """The measure itself: the wide pendulum, shown at a phone's width, has words of about 5 CSS px."""
    explorer = EXPLORERS["01 pendulum"]()
    assert smallest_text_px(explorer.figure.figure, 360) < 7
    assert smallest_text_px(explorer.figure.narrow().figure, 360) >= style.SMALLEST_TEXT_PX


def test_a_narrow_layout_ignores_projector_mode():
    """A phone is held close: its layout keeps the normal type, which is what its width was chosen for."""
    style.set_projector_mode(True)
    try:
        narrow = EXPLORERS["01 pendulum"]().figure.narrow()
        assert style.projector_mode(), "projector mode is back on for the wide pictures"
    finally:
        style.set_projector_mode(False)
    seen = Legibility(narrow.figure)
    assert seen.problems == []
    assert seen.smallest_px(style.NARROW_SHOWN_PX) < 14  # normal type: 12 pt, not 17


@pytest.mark.parametrize("name", sorted(NARROW))
def test_every_narrow_diagram_a_phone_can_read(name):
    """A diagram's phone layout: as wide as a phone shows it, its smallest words at least 11 CSS px there
    (legible like every asset: test_every_asset_is_legible)."""
    with style.series_style(projector=False):
        figure = NARROW[name]()
    assert figure.get_figwidth() == style.NARROW_WIDTH_IN
    assert smallest_text_px(figure, style.NARROW_SHOWN_PX) >= style.SMALLEST_TEXT_PX


# --- The charts of the learner's own records (lessons 04-06) on a phone ------------------------------------
def _check_ins(count: int, warning_on: int | None = None):
    """``count`` check-ins two days apart ending on 20 November 2026, trying each change in turn."""
    from datetime import date, timedelta

    from upperback.models.records.checkin_log import CHANGES, validate_check_in

    changes = list(CHANGES)
    return [validate_check_in({
        "run_date": (date(2026, 11, 20) - timedelta(days=2 * n)).isoformat(), "minutes": "40", "km": "",
        "ache": n % 11, "regions": ["between_blades"], "started": "tired", "noticed": ["posture"],
        "changed": [changes[n % len(changes)], changes[(n + 2) % len(changes)]], "helped": "a_little", "note": "",
        "warning": "sudden" if n == warning_on else "none"}, stored=True) for n in range(count)]


def _sample_minutes(name: str) -> list[dict]:
    from upperback.models.records.watch_files import read_run
    from upperback.models.records.watch_files.run import per_minute
    from upperback.widgets.run_import import SAMPLES

    return per_minute(read_run((SAMPLES / name).read_bytes(), name))


def _pairs(count: int, warned: bool = False) -> list[dict]:
    return [{"run_date": f"2026-11-{1 + n:02d}", "ache": (3 * n) % 11, "distance_km": 5 + n * 0.7,
             "minutes": 28 + 4 * n, "pace_min_per_km": 5.2 + 0.1 * n, "started": "tired", "file": "run.fit",
             "warning": "sudden" if warned and n == count - 1 else None} for n in range(count)]


def _experiment(pairs: int, runs_logged: int):
    from datetime import date, timedelta

    from upperback.models.records.experiment import LoggedRun, analyse_experiment, make_schedule, pair_up

    schedule = make_schedule(pairs, seed="phone")
    runs = [LoggedRun(date(2026, 11, 2) + timedelta(days=2 * n), (2 + 3 * n) % 8, schedule.run(n + 1).with_change)
            for n in range(runs_logged)]
    return pair_up(schedule, runs), analyse_experiment(schedule, runs)


def _charts():
    """(name, draw(narrow) -> Figure): each chart of the learner's records, at realistic and edge inputs."""
    from upperback.figures.experiment_chart import experiment_chart_figure
    from upperback.figures.plan_charts import ache_chart_figure, cause_chart_figure
    from upperback.figures.run_charts import ache_against_runs_figure, run_chart_figure
    from upperback.lessons.your_experiment import sample_experiment
    from upperback.lessons.your_plan import EXAMPLE_RUNNER
    from upperback.models.course.plan import build_plan

    arms_only = {"arm_carriage": {"shrug": "sometimes", "elbow": "right_angle", "crossing": "beside",
                                  "fists": "rarely", "carrying": "no", "shake_out": "no_change"}}
    charts = {
        "plan, example runner": lambda n: cause_chart_figure(build_plan(EXAMPLE_RUNNER), n),
        "plan, one self-check done": lambda n: cause_chart_figure(build_plan(arms_only), n),
        "plan, only posture's self-check done": lambda n: cause_chart_figure(
            build_plan({"posture": EXAMPLE_RUNNER["posture"]}), n),
        "log, no runs": lambda n: ache_chart_figure([], n),
        "log, one run": lambda n: ache_chart_figure(_check_ins(1), n),
        "log, a run with a warning sign": lambda n: ache_chart_figure(_check_ins(5, warning_on=2), n),
        "log, 200 runs over two years": lambda n: ache_chart_figure(_check_ins(200, warning_on=7), n),
        "run, no minutes": lambda n: run_chart_figure([], n),
        "run, one minute": lambda n: run_chart_figure(_sample_minutes("run_fenix2_2015.fit")[:1], n),
        "ache against runs, none": lambda n: ache_against_runs_figure([], n),
        "ache against runs, one": lambda n: ache_against_runs_figure(_pairs(1), n),
        "ache against runs, 30 with a warning sign": lambda n: ache_against_runs_figure(_pairs(30, True), n),
        "experiment, the sample": lambda n: experiment_chart_figure(*sample_experiment(), n),
        "experiment, just started": lambda n: experiment_chart_figure(*_experiment(6, 0), n),
        "experiment, one run": lambda n: experiment_chart_figure(*_experiment(6, 1), n),
        "experiment, 10 pairs done": lambda n: experiment_chart_figure(*_experiment(10, 20), n),
    }
    for name in ("run_fenix2_2015.fit", "run_garminconnect_hr_cad_2019.gpx", "run_hr_nocadence_2012.tcx"):
        charts[f"run, {name}"] = lambda n, name=name: run_chart_figure(_sample_minutes(name), n)
    return charts


CHARTS = _charts()


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_of_your_records_has_a_narrow_layout_a_phone_can_read(name):
    """Drawn 4.6 in wide for a phone, panels stacked, short enough to be shown that wide: legible, its smallest
    words at least 11 CSS px where a phone shows it; the same chart drawn wide would show them at about 5-7 CSS
    px there."""
    narrow, wide = CHARTS[name](True), CHARTS[name](False)
    assert narrow.get_figwidth() == style.NARROW_WIDTH_IN
    assert narrow.get_figheight() <= style.NARROW_TALLEST_IN  # else a phone shows it narrower than it is drawn
    seen = Legibility(narrow)
    assert seen.problems == []
    assert seen.smallest_px(style.NARROW_SHOWN_PX) >= style.SMALLEST_TEXT_PX
    assert smallest_text_px(wide, style.NARROW_SHOWN_PX) < 8


def test_a_chart_on_a_phone_ignores_projector_mode():
    from upperback.figures.plan_charts import ache_chart_figure

    style.set_projector_mode(True)
    try:
        narrow = ache_chart_figure(_check_ins(5, warning_on=2), narrow=True)
    finally:
        style.set_projector_mode(False)
    seen = Legibility(narrow)
    assert seen.problems == []
    assert seen.smallest_px(style.NARROW_SHOWN_PX) < 14  # normal type, not the projector's
