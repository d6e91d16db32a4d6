"""The self-check form driven by code, as a runner would use it."""

import json
from html import escape

from upperback.models.course.start_here_check import START_HERE_CHECK
from upperback.models.course.warning_signs import ACTIONS
from upperback.storage.answers import AnswerStore
from upperback.widgets.selfcheck_form import SelfCheckForm


def form_in(tmp_path):
    return SelfCheckForm(START_HERE_CHECK, AnswerStore(tmp_path))


def answer(form, **chosen):
    for key, value in chosen.items():
        form.pickers[key].value = value


def test_checking_with_a_question_open_names_it_and_saves_nothing(tmp_path):
    form = form_in(tmp_path)
    answer(form, where="around_ribs")
    form.check_button.click()
    assert "Still open" in form.feedback.value
    assert "When in a run does it start" in form.feedback.value
    assert not (tmp_path / "answers.json").exists()


def test_checking_shows_the_feedback_in_words_and_where_the_answers_are_saved(tmp_path):
    form = form_in(tmp_path)
    answer(form, where="between_blades", when="tired", how_long="fades", with_it="none")
    form.check_button.click()
    assert "point most towards your posture" in form.feedback.value
    assert 'href="03_posture.ipynb"' in form.feedback.value
    assert str(tmp_path / "answers.json") in form.feedback.value
    saved = json.loads((tmp_path / "answers.json").read_text())
    assert saved["lessons"]["start_here"]["answers"] == {"where": "between_blades", "when": "tired",
                                                         "how_long": "fades", "with_it": "none"}


def test_every_warning_sign_answer_of_lesson_00_puts_its_action_first(tmp_path):
    for question in START_HERE_CHECK.questions:
        for option in (o for o in question.options if o.warning):
            form = form_in(tmp_path / question.key / option.key)
            answer(form, where="between_blades", when="tired", how_long="fades", with_it="none")
            answer(form, **{question.key: option.key})
            verdict = form.submit()
            shown = form.feedback.value
            assert verdict.warnings == (option.warning,), option.key
            assert "One of your answers matches a warning sign" in shown
            assert shown.index(escape(ACTIONS[option.warning])) < shown.index("not a diagnosis"), option.key
            assert "Read first" not in shown and "href=" not in shown, option.key  # the doctor before any lesson


def test_saved_answers_are_filled_in_again_and_can_be_changed(tmp_path):
    first = form_in(tmp_path)
    answer(first, where="around_ribs", when="faster", how_long="fades", with_it="none")
    first.submit()
    again = form_in(tmp_path)
    assert again.answers() == {"where": "around_ribs", "when": "faster", "how_long": "fades", "with_it": "none"}
    answer(again, when="early")
    again.submit()
    assert AnswerStore(tmp_path).answers("start_here")["when"] == "early"


def test_a_corrupt_answers_file_gives_a_message_and_the_form_still_works(tmp_path):
    (tmp_path / "answers.json").write_text("{not json")
    form = form_in(tmp_path)
    assert "could not all be used" in form.feedback.value
    answer(form, where="around_ribs", when="faster", how_long="fades", with_it="none")
    assert form.submit() is not None
    assert len(list(tmp_path.glob("answers.unreadable-*.json"))) == 1


def test_a_folder_that_cannot_be_written_still_gives_feedback_and_says_nothing_was_saved(tmp_path):
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("")
    form = SelfCheckForm(START_HERE_CHECK, AnswerStore(blocker))
    answer(form, where="around_ribs", when="faster", how_long="fades", with_it="none")
    verdict = form.submit()
    assert verdict.likely_causes == ("breathing",)
    assert "could not be saved" in form.feedback.value
    assert "were not saved" in form.feedback.value


def test_text_from_the_answers_file_is_shown_as_text_not_markup(tmp_path):
    aside_name = "<script>alert(1)</script>"
    (tmp_path / "answers.json").write_text(json.dumps({"lessons": {aside_name: 5}}))
    form = form_in(tmp_path)
    assert "<script>" not in form.feedback.value
    assert "&lt;script&gt;" in form.feedback.value
