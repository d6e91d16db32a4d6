import json
import os

import pytest

from upperback.storage.answers import AnswersFileError, AnswerStore
from upperback.storage.files import data_dir


def test_answers_of_several_lessons_are_kept_side_by_side(tmp_path):
    store = AnswerStore(tmp_path)
    store.save("start_here", {"where": "around_ribs"})
    store.save("arms", {"shrug": "often"})
    store.save("start_here", {"where": "between_blades"})
    loaded = store.load()
    assert loaded.notices == []
    assert loaded.lessons["start_here"]["answers"] == {"where": "between_blades"}
    assert loaded.lessons["arms"]["answers"] == {"shrug": "often"}
    assert store.answers("arms") == {"shrug": "often"}


def test_the_folder_is_created_and_no_temporary_file_is_left_behind(tmp_path):
    store = AnswerStore(tmp_path / "new" / "folder")
    store.save("start_here", {"where": "elsewhere"})
    assert sorted(p.name for p in store.folder.iterdir()) == [".answers.lock", "answers.json"]


SAVES_EACH = 150


def _save_many(folder, prefix, start):
    store = AnswerStore(folder)
    start.wait()  # both writers begin together, so their saves overlap
    for number in range(SAVES_EACH):
        store.save(f"{prefix}{number}", {"q": "a"})


def test_two_lessons_saving_at_the_same_time_lose_nothing(tmp_path):
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    start = context.Event()
    writers = [context.Process(target=_save_many, args=(tmp_path, prefix, start)) for prefix in ("arms", "posture")]
    for writer in writers:
        writer.start()
    start.set()
    for writer in writers:
        writer.join(timeout=120)
    assert len(AnswerStore(tmp_path).load().lessons) == 2 * SAVES_EACH


def test_the_data_folder_follows_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("UPPERBACK_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path
    assert AnswerStore().path == tmp_path / "answers.json"


def test_a_corrupt_file_is_set_aside_with_a_message_and_its_bytes_are_kept(tmp_path):
    store = AnswerStore(tmp_path)
    store.path.write_text('{"format": 1, "lessons": {"start_here": ')  # cut off mid-write by hand
    loaded = store.load()
    assert loaded.lessons == {}
    assert "could not all be used" in loaded.notices[0]
    (aside,) = tmp_path.glob("answers.unreadable-*.json")
    assert aside.read_text().endswith('"start_here": ')
    assert str(aside) in loaded.notices[0]
    assert not store.path.exists()


def test_a_damaged_lesson_entry_is_dropped_but_the_other_lessons_are_kept(tmp_path):
    store = AnswerStore(tmp_path)
    store.save("start_here", {"where": "around_ribs"})
    document = json.loads(store.path.read_text())
    document["lessons"]["arms"] = "garbage"
    store.path.write_text(json.dumps(document))
    notices = store.save("posture", {"slump": "yes"})
    assert "arms" in notices[0]
    lessons = store.load().lessons
    assert set(lessons) == {"start_here", "posture"}
    (aside,) = tmp_path.glob("answers.unreadable-*.json")
    assert json.loads(aside.read_text())["lessons"]["arms"] == "garbage"


def test_reading_the_same_damaged_file_again_keeps_one_copy_aside(tmp_path):
    store = AnswerStore(tmp_path)
    store.path.write_text(json.dumps({"lessons": {"start_here": {"answers": {"where": "elsewhere"}}, "arms": 7}}))
    for _ in range(3):  # every lesson that opens reads the file
        assert "arms" in store.load().notices[0]
    assert len(list(tmp_path.glob("answers.unreadable-*.json"))) == 1


def test_a_file_from_somewhere_else_is_set_aside_not_overwritten(tmp_path):
    store = AnswerStore(tmp_path)
    store.path.write_text("[1, 2, 3]")
    notices = store.save("start_here", {"where": "elsewhere"})
    assert "not an answers file" in notices[0]
    (aside,) = tmp_path.glob("answers.unreadable-*.json")
    assert aside.read_text() == "[1, 2, 3]"
    assert store.answers("start_here") == {"where": "elsewhere"}


def test_a_crash_while_writing_leaves_the_old_answers_intact(tmp_path, monkeypatch):
    store = AnswerStore(tmp_path)
    store.save("start_here", {"where": "around_ribs"})

    def crash(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.save("start_here", {"where": "between_blades"})
    monkeypatch.undo()
    assert store.answers("start_here") == {"where": "around_ribs"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".answers.lock", "answers.json"]


def test_an_unreadable_file_is_moved_aside(tmp_path, monkeypatch):
    store = AnswerStore(tmp_path)
    store.save("start_here", {"where": "around_ribs"})

    def refuse(*_args, **_kwargs):  # as a file with no read permission does (chmod cannot stop root)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(store.path), "read_text", refuse)
    loaded = store.load()
    monkeypatch.undo()
    assert "could not be read (Permission denied)" in loaded.notices[0]
    (aside,) = tmp_path.glob("answers.unreadable-*.json")
    assert json.loads(aside.read_text())["lessons"]["start_here"]["answers"] == {"where": "around_ribs"}


def test_when_the_bad_file_cannot_be_set_aside_nothing_is_overwritten(tmp_path, monkeypatch):
    store = AnswerStore(tmp_path)
    store.path.write_text("not json")

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(store.path), "replace", refuse)
    with pytest.raises(AnswersFileError, match="Nothing was changed"):
        store.save("start_here", {"where": "elsewhere"})
    assert store.path.read_text() == "not json"
