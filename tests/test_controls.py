"""The course's own controls, driven from Python: values stay on the slider's grid, pickers and questions map
between what the browser moves (an index) and what the lesson reads (a value), bad values are refused in
words, and every control carries the words a screen reader needs."""

import pytest
import traitlets

from upperback.figures import style
from upperback.figures.stick_figure import ARM_CHAINS, TENSE_DASHES, StickFigure
from upperback.widgets.controls import Choices, Picture, picker, plain_words, slider


def test_a_slider_keeps_its_value_on_the_grid_and_inside_its_range():
    height = slider("Your height (m)", 1.40, 2.10, 0.01, 1.75, "Standing height")
    height.value = 1.7799999999999998  # what a browser's float arithmetic sends
    assert height.value == 1.78
    height.value = 9
    assert height.value == 2.1
    cadence = slider("Cadence (steps/min)", 140, 200, 2, 171, "Steps per minute")
    assert cadence.value == 172 and isinstance(cadence.value, int)


def test_a_slider_names_its_unit_from_its_label_and_refuses_what_is_not_a_number():
    assert slider("Elbow bend (°)", 0, 150, 5, 90, "").unit == "°"
    assert slider("Breaths per minute", 10, 60, 1, 40, "").unit == ""
    ache = slider("Ache, 0 none to 10 worst", 0, 10, 1, 0, "")
    with pytest.raises(traitlets.TraitError, match="takes a number"):
        ache.value = "three"
    with pytest.raises(traitlets.TraitError):
        ache.value = True


def test_a_picker_moves_by_index_in_the_browser_and_reads_as_a_value_in_python():
    pattern = picker("Steps in : steps out", ["2:2", "3:3", "2:1"], "3:3", "")
    assert pattern.labels == ["2:2", "3:3", "2:1"] and pattern.index == 1
    pattern.index = 2  # what the browser sends
    assert pattern.value == "2:1" and pattern.label == "2:1"
    pattern.value = "2:2"
    assert pattern.index == 0
    with pytest.raises(traitlets.TraitError, match="not one of"):
        pattern.value = "4:4"


def test_a_sliders_positions_run_from_its_start_to_its_end_each_at_its_own_step():
    decimal = slider("Tidal volume (L)", 0.4, 1.0, 0.2, 0.6, "")
    assert decimal.positions() == [0.4, 0.6, 0.8, 1.0]  # rounded to the step's decimals: no 0.6000000000000001
    assert [decimal.step_of(value) for value in decimal.positions()] == [0, 1, 2, 3]
    whole = slider("Cadence (steps/min)", 150, 180, 10, 170, "")
    assert whole.positions() == [150, 160, 170, 180] and all(isinstance(v, int) for v in whole.positions())
    assert picker("Part", [("Neck", "neck"), ("Ribs", "ribs")], "ribs", "").positions() == ["neck", "ribs"]


def test_a_question_starts_unanswered_and_takes_one_of_its_options():
    question = Choices([("Yes", "yes"), ("No", "no")], legend="1. Does it ache?")
    assert question.value is None and question.index == -1 and question.label is None
    question.index = 1
    assert question.value == "no"
    question.value = None
    assert question.index == -1


def test_a_picture_sends_its_image_and_its_words_together_and_alt_text_is_plain_words():
    picture = Picture()
    picture.show(b"\x89PNG...", plain_words("<b>Relaxed carriage.</b> Shoulders &amp; hands low"), "<b>x</b>")
    assert picture.alt == "Relaxed carriage. Shoulders & hands low" and picture.caption == "<b>x</b>"


def test_tense_is_drawn_in_dashes_as_well_as_colour():
    from matplotlib.figure import Figure

    runner = StickFigure(Figure().add_subplot(), "front", 1.75)
    runner.show_strain("arms", tense=True)
    arms = [runner.lines[name] for name in ARM_CHAINS]
    assert all(arm.get_linestyle() == "--" and arm.get_color() == style.TENSE for arm in arms)
    runner.show_strain("arms", tense=False)
    assert all(arm.get_linestyle() == "-" and arm.get_color() == style.RELAXED for arm in arms)
    assert TENSE_DASHES[1][0] < 2, "short dashes: a long dash reads as a solid line in a small picture"


def test_every_meaning_colour_has_a_readable_text_shade():
    for colour in (style.RELAXED, style.TENSE, style.ACHE, *style.CAUSE_COLOURS.values()):
        from matplotlib.colors import to_rgb

        shade = style.text_colour(colour)
        ratio = style.contrast_on_white(to_rgb(shade))
        assert ratio >= 4.5 and (shade.lower() == colour.lower() or ratio < 5.0), colour  # no darker than needed


@pytest.mark.parametrize("control", [slider("Elbow bend (°)", 0, 150, 5, 90, ""),
                                     picker("Show", [("whole area", "all"), ("one part", "part")], "all", "")],
                         ids=["slider", "picker"])
def test_a_move_from_the_browser_is_answered_once_its_picture_is_drawn(control, monkeypatch):
    """The browser keeps one move on its way and sends the latest when told the last is drawn (slider.js)."""
    happened = []
    monkeypatch.setattr(control, "send", lambda content: happened.append(content))
    control.observe(lambda change: happened.append("drawn"), names="value")
    control.set_state({"value": 95} if "value" in control.keys else {"index": 1})
    assert happened == ["drawn", {"moved": True}]
    control.unobserve_all("value")
    control.observe(lambda change: 1 / 0, names="value")
    with pytest.raises(ZeroDivisionError):
        control.set_state({"value": 100} if "value" in control.keys else {"index": 0})
    assert happened[-1] == {"moved": True}, "answered even when drawing failed: the browser never waits for ever"


def test_no_label_of_the_forms_says_null_on_hover(tmp_path):
    """ipywidgets writes a labelled widget's tooltip into its label's title: with none, the word "null"."""
    from ipywidgets.widgets.widget_description import DescriptionWidget

    from upperback.storage.answers import AnswerStore
    from upperback.storage.checkins import CheckInLog
    from upperback.storage.experiments import ExperimentStore
    from upperback.storage.runs import RunStore
    from upperback.widgets.checkin_form import CheckInAndReview
    from upperback.widgets.experiment_view import ExperimentView
    from upperback.widgets.plan_view import PlanView
    from upperback.widgets.run_import import RunImporter

    def labelled(widget):
        if isinstance(widget, DescriptionWidget) and widget.description:
            yield widget
        for child in getattr(widget, "children", ()):
            yield from labelled(child)

    views = [CheckInAndReview(CheckInLog(tmp_path)), RunImporter(RunStore(tmp_path / "runs")),
             ExperimentView(ExperimentStore(tmp_path), CheckInLog(tmp_path)), PlanView(AnswerStore(tmp_path))]
    found = [widget for view in views for widget in labelled(view)]
    assert len(found) > 15
    assert [widget.description for widget in found if not widget.tooltip] == []


def _png_width(png: bytes) -> int:
    return int.from_bytes(png[16:20], "big")  # the PNG header's width field


def _chart_pictures(tmp_path):
    """Each widget that shows a chart of the learner's records, with something to chart."""
    from upperback.lessons.your_experiment import show_sample_experiment
    from upperback.storage.checkins import CheckInLog
    from upperback.storage.runs import RunStore
    from upperback.widgets.checkin_form import LogReview
    from upperback.widgets.run_import import RunImporter

    runs = RunImporter(RunStore(tmp_path / "runs"))
    runs.import_sample()
    yield "the run", runs.chart
    yield "the log", LogReview(CheckInLog(tmp_path / "log")).chart
    yield "the sample experiment", show_sample_experiment().children[1]


def test_a_chart_is_drawn_for_a_phone_when_its_picture_is_shown_narrow_and_back_when_wide(tmp_path):
    """The browser reports the picture narrower than NARROW_BELOW_PX: the chart comes in its phone layout (4.6 in
    at the narrow dpi), with the same alt text; wide again, the same wide picture as before."""
    from upperback.figures.rendering import NARROW_DPI

    for name, picture in _chart_pictures(tmp_path):
        assert picture.narrow_below_px == style.NARROW_BELOW_PX, name
        wide, alt = picture.png, picture.alt
        picture.narrow = True  # as web/picture.js sets it
        assert _png_width(picture.png) == round(style.NARROW_WIDTH_IN * NARROW_DPI), name
        assert picture.alt == alt and alt, name
        picture.narrow = False
        assert picture.png == wide and picture.alt == alt, name


def test_a_chart_is_drawn_again_only_when_what_it_shows_changed(tmp_path):
    """A save anywhere tells every view: a chart asked for again with equal inputs keeps its picture and takes the
    new words; new inputs (even the same list changed in place), the other width or projector mode draw anew."""
    drawn = []

    def draw(values, narrow):
        drawn.append((list(values), narrow))
        return f"{values} {narrow}".encode()

    picture, values = Picture(), [1, 2]
    picture.chart(draw, (values,), "two runs")
    picture.chart(draw, ([1, 2],), "two runs, and a warning sign in the log")
    assert len(drawn) == 1 and picture.alt == "two runs, and a warning sign in the log"
    values.append(3)  # the very list drawn, changed since
    picture.chart(draw, (values,), "three runs")
    assert drawn[-1] == ([1, 2, 3], False) and picture.png == b"[1, 2, 3] False"
    picture.narrow = True
    assert drawn[-1] == ([1, 2, 3], True) and picture.alt == "three runs"
    picture.chart(draw, ([1, 2, 3],), "three runs")
    assert len(drawn) == 3
    picture.narrow = False
    style.set_projector_mode(True)
    try:
        picture.chart(draw, ([1, 2, 3],), "three runs")
    finally:
        style.set_projector_mode(False)
    assert len(drawn) == 5
    picture.show(b"something else", "another picture")  # shown by hand: the chart is drawn again when asked for
    picture.chart(draw, ([1, 2, 3],), "three runs")
    assert len(drawn) == 6 and picture.png == b"[1, 2, 3] False"


def test_a_check_in_log_chart_is_not_drawn_again_for_a_save_that_leaves_the_log_alone(tmp_path, monkeypatch):
    """Lesson 04's log review redraws its chart when the log changes, not when it is only read again."""
    from upperback.models.records.checkin_log import validate_check_in
    from upperback.storage.checkins import CheckInLog
    from upperback.widgets import checkin_form

    drawn = []
    monkeypatch.setattr(checkin_form, "ache_chart_png", lambda entries, narrow: drawn.append(len(entries)) or b"png")
    log = CheckInLog(tmp_path)
    review = checkin_form.LogReview(log)
    review.refresh()
    assert drawn == [0]
    log.append(validate_check_in({"run_date": "2026-11-30", "minutes": "30", "ache": 2, "regions": ["between_blades"],
                                  "started": "tired", "helped": "no_change", "warning": "none"}))
    review.refresh()
    assert drawn == [0, 1]
