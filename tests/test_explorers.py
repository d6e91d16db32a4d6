"""Explorers driven by code: moving a control changes the picture and the words."""

import io

import pytest

from upperback.figures.upper_back import UpperBackLiveFigure
from upperback.lessons import start_here
from upperback.widgets.explorer import Explorer


def test_moving_the_upper_back_slider_changes_the_picture_and_the_caption():
    explorer = start_here.explore_upper_back()
    before_image, before_caption = bytes(explorer.picture.png), explorer.picture.caption
    assert before_image.startswith(b"\x89PNG")
    assert "inside the dashed orange ring" in before_caption
    explorer.controls["part"].value = "rhomboids"
    assert bytes(explorer.picture.png) != before_image
    assert "Rhomboids" in explorer.picture.caption and "shoulder blade" in explorer.picture.caption


def test_every_position_of_the_upper_back_slider_gives_a_different_picture():
    explorer = start_here.explore_upper_back()
    pictures = set()
    for part in UpperBackLiveFigure.choices:
        explorer.controls["part"].value = part
        pictures.add(bytes(explorer.picture.png))
    assert len(pictures) == len(UpperBackLiveFigure.choices)


def test_an_impossible_value_is_shown_as_a_message_and_the_last_picture_stays():
    import ipywidgets as widgets

    control = widgets.Text(value="all")
    explorer = Explorer(UpperBackLiveFigure(), {"part": control})
    last_picture = bytes(explorer.picture.png)
    control.value = "kneecap"
    assert "There is no part of the upper back called" in explorer.message.value
    assert "Traceback" not in explorer.message.value
    assert bytes(explorer.picture.png) == last_picture
    control.value = "trapezius"
    assert explorer.message.value == ""


def test_the_structure_lookup_refuses_unknown_parts_in_words():
    from upperback.models.body.upper_back import structure

    with pytest.raises(ValueError, match="choose one of"):
        structure("kneecap")


def test_bending_the_elbow_in_the_pendulum_explorer_changes_the_numbers_shown():
    from upperback.lessons import arm_carriage

    explorer = arm_carriage.explore_pendulum()
    assert "<b>0.84</b>" in explorer.picture.caption and "<b>1.42</b>" in explorer.picture.caption
    before = bytes(explorer.picture.png)
    explorer.controls["elbow_bend_deg"].value = 0
    assert "<b>0.75</b>" in explorer.picture.caption
    assert bytes(explorer.picture.png) != before


def test_an_impossible_height_in_the_pendulum_shows_a_message_not_a_traceback():
    import ipywidgets as widgets

    from upperback.figures.arm_pendulum import PendulumLiveFigure

    height = widgets.FloatText(value=1.75)
    explorer = Explorer(PendulumLiveFigure(), {"height_m": height})
    height.value = 17.5
    assert "Give your height in metres" in explorer.message.value


# Each explorer's caption at the far end of its sliders still says what the picture shows.
@pytest.mark.parametrize(("lesson", "name", "says"), [
    ("arm_carriage", "explore_arm_swing", "<b>Notice:</b>"), ("breathing", "explore_breath", "Shallow breath"),
    ("breathing", "explore_ventilation", "reaches the air sacs"), ("breathing", "explore_pacer", "breaths a minute"),
    ("posture", "explore_head_load", "forward in all")])
def test_every_slider_of_the_arm_swing_breathing_and_posture_explorers_changes_the_picture(lesson, name, says):
    import importlib

    explorer = getattr(importlib.import_module(f"upperback.lessons.{lesson}"), name)()
    for control_name, control in explorer.controls.items():
        before = bytes(explorer.picture.png)
        if hasattr(control, "options"):
            last = len(control.options) - 1
            control.index = last if control.index != last else 0
        else:
            control.value = control.max if control.value != control.max else control.min
        assert explorer.message.value == "", explorer.message.value
        assert bytes(explorer.picture.png) != before, control_name
    assert says in explorer.picture.caption


def test_shallow_breathing_lights_up_the_helper_muscles_in_the_caption():
    from upperback.lessons import breathing

    explorer = breathing.explore_breath()
    explorer.controls["pattern"].value = "shallow"
    assert "scalenes" in explorer.picture.caption and "upper trapezius" in explorer.picture.caption


def test_a_forward_head_turns_the_spine_tense_and_says_how_much_load():
    from upperback.lessons import posture

    explorer = posture.explore_head_load()
    assert "Head over the shoulders" in explorer.picture.caption and "running lean (6°)" in explorer.picture.caption
    explorer.controls["head_forward_deg"].value = 30
    explorer.controls["upper_back_rounding_deg"].value = 20
    assert "56° forward in all</b>: head 30°, upper back 20°, running lean 6°" in explorer.picture.caption
    assert "kg</b> rests on the base of the neck" in explorer.picture.caption


def test_the_benchmark_times_every_explorer_the_lessons_offer():
    import inspect

    from upperback.lessons import arm_carriage, breathing, posture, start_here, your_runs
    from upperback.lessons.explorers import EXPLORERS

    offered = {function for module in (start_here, arm_carriage, breathing, posture, your_runs)
               for name, function in inspect.getmembers(module, inspect.isfunction)
               if name.startswith("explore_") and function.__module__ == module.__name__}
    assert offered == set(EXPLORERS.values())


def test_the_live_breathing_figure_names_every_helper_muscle_and_the_diaphragm():
    from matplotlib.text import Text

    from upperback.lessons import breathing
    from upperback.models.body.breathing_mechanics import HELPER_MUSCLES

    explorer = breathing.explore_breath()
    words = {t.get_text() for t in explorer.figure.figure.findobj(Text)}
    assert {*HELPER_MUSCLES, "diaphragm"} <= words


def test_an_imported_run_sets_the_cadence_of_the_arm_and_breathing_explorers(tmp_path, monkeypatch):
    from upperback.lessons import your_runs
    from upperback.widgets.run_import import RunImporter

    monkeypatch.setenv("UPPERBACK_DATA_DIR", str(tmp_path))
    assert your_runs.explore_pendulum().controls["cadence"].value == 170  # nothing imported yet
    importer = RunImporter()
    importer.sample.value = "run_fenix2_2015.fit"
    importer.use_sample.click()
    assert "Imported A 2015 run, Garmin Fenix 2 (FIT file), 15 August 2015, 14:45 UTC" in importer.message.value
    assert "cadence 166 steps a minute" in importer.summary.value
    pendulum = your_runs.explore_pendulum()
    assert pendulum.controls["cadence"].value == 166 and "<b>1.38</b>" in pendulum.picture.caption
    pacer = your_runs.explore_pacer()
    assert pacer.controls["cadence"].value == 166
    assert "3:3 gives 28 breaths a minute" in pacer.children[0].value
    check_in = your_runs.check_in_after_latest_run().form
    assert (str(check_in.run_date.value), check_in.minutes.value, check_in.km.value) == ("2015-08-15", "47", "9.0")
    importer.delete_button.click()
    assert "No run imported yet" in importer.summary.value and your_runs.latest_run() is None


def test_every_part_of_lesson_05_follows_the_runs_imported_after_it_was_shown(tmp_path, monkeypatch):
    """As in the app, where no cell can be run again: the explorers, the check-in and the chart over the weeks
    are shown first, then a run is imported, deleted and brought back; each part follows at once."""
    from upperback.lessons import your_runs

    monkeypatch.setenv("UPPERBACK_DATA_DIR", str(tmp_path))
    importer, pendulum, pacer = your_runs.import_runs(), your_runs.explore_pendulum(), your_runs.explore_pacer()
    log_this_run, over_the_weeks = your_runs.check_in_after_latest_run(), your_runs.ache_and_runs()
    assert pendulum.controls["cadence"].value == 170 and "no run is imported yet" in pendulum.children[0].value
    assert log_this_run.form.minutes.value == "" and "0 runs have a check-in" in over_the_weeks.children[0].value
    before = bytes(pendulum.picture.png)

    importer.sample.value = "run_fenix2_2015.fit"
    importer.use_sample.click()
    assert pendulum.controls["cadence"].value == pacer.controls["cadence"].value == 166
    assert "Your cadence, from A 2015 run" in pendulum.children[0].value and bytes(pendulum.picture.png) != before
    assert "3:3 gives 28 breaths a minute" in pacer.children[0].value
    form = log_this_run.form
    assert (str(form.run_date.value), form.minutes.value, form.km.value) == ("2015-08-15", "47", "9.0")
    assert "Filled in from your newest imported run: A 2015 run" in log_this_run.children[0].value

    form.started.value, form.helped.value, form.warning.value = "no_ache", "no_change", "none"
    assert form.save()
    assert "1 run has a check-in on the same day" in over_the_weeks.children[0].value

    importer.delete_button.click()
    assert pendulum.controls["cadence"].value == 170 and "no run is imported yet" in pendulum.children[0].value
    assert "0 runs have a check-in" in over_the_weeks.children[0].value
    importer.undo_button.click()
    assert pendulum.controls["cadence"].value == 166 and "1 run has a check-in" in over_the_weeks.children[0].value


def test_lesson_06s_check_in_is_filled_in_only_from_a_run_of_today(tmp_path, monkeypatch):
    from datetime import date

    from upperback.lessons import your_runs
    from upperback.widgets.run_import import RunImporter

    monkeypatch.setenv("UPPERBACK_DATA_DIR", str(tmp_path))
    RunImporter().import_sample()  # a run of 2015
    shown = your_runs.check_in_after_latest_run(only_from=date.today())
    assert shown.form.minutes.value == "" and shown.form.run_date.value == date.today()
    assert f"No run imported on {date.today():%d %B %Y} or later" in shown.children[0].value


def test_a_cell_run_again_takes_over_from_its_old_widget_which_is_no_longer_refreshed(tmp_path, monkeypatch):
    from upperback.lessons import your_runs
    from upperback.storage.runs import RUNS_CHANGED
    from upperback.widgets.run_import import RunImporter

    monkeypatch.setenv("UPPERBACK_DATA_DIR", str(tmp_path))
    old, new = your_runs.explore_pendulum(), your_runs.explore_pendulum()
    assert RUNS_CHANGED.roles().count("lesson 05's arm pendulum") == 1
    RunImporter().import_sample()
    assert new.controls["cadence"].value == 166 and old.controls["cadence"].value == 170


def test_no_learner_text_asks_to_run_a_cell_again():
    """In the app no cell can be run: every part follows what changed by itself."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for path in [*(root / "upperback").rglob("*.py"), *(root / "notebooks").glob("*.ipynb")]:
        assert "run this cell again" not in path.read_text().lower(), path


def test_a_bad_upload_says_why_and_imports_nothing(tmp_path):
    from upperback.storage.runs import RunStore
    from upperback.widgets.run_import import RunImporter

    importer = RunImporter(RunStore(tmp_path / "runs"))
    answers = []
    importer.upload.send = answers.append
    ride = b"<TrainingCenterDatabase><Activities><Activity Sport='Biking'/></Activities></TrainingCenterDatabase>"
    # the message the browser sends (web/upload.js): the file's name and size, the file as a binary buffer
    importer.upload._received(importer.upload, {"file": "ride.tcx", "size": len(ride)}, [memoryview(ride)])
    assert "this is a biking activity, not a run" in importer.message.value
    assert RunStore(tmp_path / "runs").read().runs == []
    assert answers == [{"received": "ride.tcx"}]  # the browser stops saying "Sending…"


def test_the_importer_names_runs_in_words_and_says_when_a_run_is_already_there(tmp_path):
    import re

    from upperback.storage.runs import RunStore
    from upperback.widgets.run_import import RunImporter

    importer = RunImporter(RunStore(tmp_path / "runs"))
    samples = [label for label, _file in importer.sample.options]
    assert "A 2015 run, Garmin Fenix 2 (FIT file)" in samples and not any(".fit" in s or "_" in s for s in samples)
    for file in ("run_fenix2_2015.fit", "run_garminconnect_hr_cad_2019.gpx"):
        importer.sample.value = file
        importer.import_sample()
    shown = " ".join([importer.message.value, importer.summary.value, importer.chart.alt,
                      *(label for label, _id in importer.runs.options)])
    assert "16 November 2019, 08:58 UTC" in shown
    assert not re.search(r"\d{4}-\d{2}-\d{2}|run_\w+\.(fit|gpx|tcx)", shown), "file names or ISO times shown"
    importer.import_sample()  # the same run again
    assert "is already among your runs: nothing was added" in importer.message.value
    assert "Imported 0" not in importer.message.value and len(importer.runs.options) == 2


def test_a_deleted_run_can_be_brought_back_until_the_next_import(tmp_path):
    from upperback.storage.runs import RunStore
    from upperback.widgets.run_import import RunImporter

    store = RunStore(tmp_path / "runs")
    importer = RunImporter(store)
    assert importer.undo_button.layout.display == "none"
    stored = importer.import_sample()
    kept = (store.folder / f"{stored.run_id}.json").read_bytes()
    importer.delete_button.click()
    assert store.read().runs == [] and "Changed your mind?" in importer.message.value
    assert importer.undo_button.layout.display is None
    importer.undo_button.click()
    assert (store.folder / f"{stored.run_id}.json").read_bytes() == kept  # every figure back, as it was
    assert importer.runs.value == stored.run_id and "Brought back A 2015 run" in importer.message.value
    assert importer.undo_button.layout.display == "none"
    importer.delete_button.click()
    importer.import_sample()  # the next action: the undo is gone, and says so if pressed from an old view
    importer.undo_delete()
    assert importer.undo_button.layout.display == "none" and "no deleted run" in importer.message.value


def test_going_back_to_settings_already_shown_draws_nothing():
    """The pictures of recent settings are kept: back to an earlier value (and Play's second round) is free."""
    from upperback.lessons import arm_carriage

    explorer = arm_carriage.explore_pendulum()
    cadence = explorer.controls["cadence"]
    first = bytes(explorer.picture.png), explorer.picture.caption
    start = cadence.value
    cadence.value = start + 2
    drawn = []
    real_update = explorer.figure.update
    explorer.figure.update = lambda **values: (drawn.append(values), real_update(**values))[1]
    cadence.value = start
    assert drawn == [] and (bytes(explorer.picture.png), explorer.picture.caption) == first
    cadence.value = start + 4  # a new setting is drawn
    assert len(drawn) == 1


def test_kept_pictures_stay_within_their_bound():
    from upperback.lessons import arm_carriage

    explorer = arm_carriage.explore_pendulum()
    height = explorer.controls["height_m"]
    for centimetres in range(140, 211):
        height.value = centimetres / 100
    kept = [len(png) for png, _caption in explorer.shown.things.values()]
    assert sum(kept) == explorer.shown.bytes <= explorer.FRAME_BYTES_KEPT
    assert len(kept) > 20


def sent_ahead(explorer) -> list[tuple[str, bytes, str, str]]:
    """Capture the pictures an explorer sends ahead of the hand: (settings, png, alt, caption)."""
    sent = []
    explorer.picture.send = lambda content, buffers=None: sent.append(
        (content["ahead"], bytes(buffers[0]), content["alt"], content["caption"]))
    return sent


def test_a_move_from_the_browser_sends_the_next_three_pictures_the_same_way():
    """Drawn while the learner looks: the browser shows one the moment the slider gets there (picture.js)."""
    from upperback.lessons import arm_carriage

    explorer = arm_carriage.explore_pendulum()
    sent = sent_ahead(explorer)
    cadence = explorer.controls["cadence"]
    start = cadence.value
    controls = explorer.controls
    # the browser's key for these settings: each slider's whole steps from its start (height 1.40 + 35 × 0.01 m)
    assert explorer.picture.settings == "|".join(str(controls[name].step_of(value)) for name, value in
                                                 (("height_m", 1.75), ("elbow_bend_deg", 90), ("cadence", start)))
    assert explorer.picture.settings.split("|")[0] == "35"

    def ahead() -> list[int]:  # in steps a minute, from where the hand started
        return [(int(settings.split("|")[-1]) - cadence.step_of(start)) * round(cadence.step) for settings, *_ in sent]

    cadence.set_state({"value": start + 2})
    assert ahead() == [4, 6, 8], "nearest first"
    settings, png, alt, caption = sent[0]
    there = arm_carriage.explore_pendulum()
    there.controls["cadence"].value = start + 4
    assert (png, caption) == (bytes(there.picture.png), there.picture.caption), "the same picture and words"
    assert alt == there.picture.alt and "<" not in alt
    cadence.set_state({"value": start + 4})  # the hand got there: the kernel draws nothing new for it
    assert explorer.picture.settings == settings and bytes(explorer.picture.png) == png
    assert ahead() == [4, 6, 8, 10], "moving on, only the third step's picture is new"
    cadence.set_state({"value": start + 2})  # back: the browser has the start, shown first; not the two below
    assert ahead() == [4, 6, 8, 10, -2, -4]


def key(explorer, **changes) -> str:
    """The browser's key for the explorer's settings with these changes: whole steps from each slider's start."""
    values = {**explorer.values(), **changes}
    return "|".join(str(explorer.controls[name].step_of(value)) for name, value in values.items())


def test_a_focused_slider_gets_its_pictures_either_way_once_and_none_past_its_ends():
    from upperback.lessons import arm_carriage, start_here

    explorer = arm_carriage.explore_pendulum()
    sent = sent_ahead(explorer)
    height = explorer.controls["height_m"]
    height._focused(height, {"focused": True}, [])
    assert [settings for settings, *_ in sent] == [key(explorer, height_m=1.76), key(explorer, height_m=1.74)]
    height._focused(height, {"focused": True}, [])
    assert len(sent) == 2, "the browser holds them already"
    height.value = height.max
    height._focused(height, {"focused": True}, [])
    assert [settings for settings, *_ in sent[2:]] == [key(explorer, height_m=2.09)]

    upper_back = start_here.explore_upper_back()
    sent = sent_ahead(upper_back)
    part = upper_back.controls["part"]
    part._focused(part, {"focused": True}, [])
    assert [settings for settings, *_ in sent] == ["1"], "a picker's first position has a neighbour one way"


def test_an_impossible_setting_ahead_is_skipped_without_a_message():
    from upperback.lessons import arm_carriage

    explorer = arm_carriage.explore_pendulum()
    sent = sent_ahead(explorer)
    real_update = explorer.figure.update

    def refuses_tall_runners(**values):
        if values["height_m"] > 1.75:
            raise ValueError("too tall for this test")
        return real_update(**values)

    explorer.figure.update = refuses_tall_runners
    height = explorer.controls["height_m"]
    height._focused(height, {"focused": True}, [])
    assert [settings for settings, *_ in sent] == [key(explorer, height_m=1.74)]
    assert explorer.message.value == "", "a guess that fails says nothing: the learner did not go there"


def test_an_explorer_with_other_controls_sends_nothing_ahead():
    import ipywidgets as widgets

    explorer = Explorer(UpperBackLiveFigure(), {"part": widgets.Text(value="all")})
    assert not explorer.draws_ahead and explorer.picture.group == "" and explorer.picture.settings == ""


def test_a_new_view_of_the_picture_gets_its_pictures_ahead_again():
    """A reloaded page keeps nothing that was sent ahead: the kernel must not count on it."""
    from upperback.lessons import arm_carriage

    explorer = arm_carriage.explore_pendulum()
    sent = sent_ahead(explorer)
    height = explorer.controls["height_m"]
    height._focused(height, {"focused": True}, [])
    explorer._picture_view_made(explorer.picture, {"view_made": True}, [])
    height._focused(height, {"focused": True}, [])
    assert [settings for settings, *_ in sent] == [key(explorer, height_m=1.76), key(explorer, height_m=1.74)] * 2


def test_every_explorer_keys_its_pictures_by_whole_steps_and_tells_the_page_how_many_to_keep():
    from upperback.lessons.explorers import EXPLORERS
    from upperback.widgets.explorer import Explorer

    for name, make in EXPLORERS.items():
        explorer = make()
        if not explorer.draws_ahead:
            continue
        assert all(part.isdigit() for part in explorer.picture.settings.split("|")), name
        assert explorer.picture.kept_pictures == Explorer.PICTURES_KEPT_IN_BROWSER > Explorer.PICTURES_IN_BROWSER


def test_the_upper_backs_five_pictures_are_drawn_at_the_start_and_kept_once():
    from upperback.lessons import start_here

    explorer = start_here.explore_upper_back()
    part = explorer.controls["part"]
    assert len(explorer.shown.things) == len(part.options)  # every part drawn ahead, in the explorer's one store
    assert not hasattr(explorer.figure, "_pictures")


def test_a_phone_gets_the_narrow_layout_under_its_own_key_and_a_step_draws_one_layout():
    """The browser says the picture is narrow (web/picture.js): from then on each picture is drawn for a phone,
    kept and sent under "narrow|…"; the wide pictures stay kept, so going back to a wide view draws nothing."""
    from PIL import Image

    from upperback.figures import style
    from upperback.figures.rendering import NARROW_DPI
    from upperback.lessons import arm_carriage

    explorer = arm_carriage.explore_pendulum()
    sent = sent_ahead(explorer)
    assert explorer.picture.narrow_below_px == style.NARROW_BELOW_PX and not explorer.picture.narrow
    wide_png, wide_settings = bytes(explorer.picture.png), explorer.picture.settings
    explorer.picture.narrow = True  # as the browser sets it
    narrow_png = bytes(explorer.picture.png)
    assert explorer.picture.settings == "narrow|" + wide_settings
    assert Image.open(io.BytesIO(narrow_png)).width == round(style.NARROW_WIDTH_IN * NARROW_DPI)
    assert Image.open(io.BytesIO(wide_png)).width > Image.open(io.BytesIO(narrow_png)).width
    drawn = {False: [], True: []}
    for narrow, figure in explorer.figures.items():
        real = figure.update
        figure.update = lambda real=real, narrow=narrow, **values: (drawn[narrow].append(values), real(**values))[1]
    cadence = explorer.controls["cadence"]
    cadence.set_state({"value": cadence.value + 2})  # a key press on the phone
    assert len(drawn[True]) == 1 + Explorer.STEPS_AHEAD and drawn[False] == [], "only the narrow layout is drawn"
    assert all(settings.startswith("narrow|") for settings, *_ in sent)
    cadence.set_state({"value": cadence.value - 2})
    explorer.picture.narrow = False  # the phone turned sideways
    assert bytes(explorer.picture.png) == wide_png and explorer.picture.settings == wide_settings
    assert drawn[False] == [], "kept from before"


def test_an_explorer_without_the_course_sliders_is_never_asked_for_a_narrow_layout():
    import ipywidgets as widgets

    explorer = Explorer(UpperBackLiveFigure(), {"part": widgets.Text(value="all")})
    assert explorer.picture.narrow_below_px == 0  # the browser does not measure it
