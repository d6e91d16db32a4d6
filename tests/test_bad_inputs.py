"""The learner's data survives anything: a replay of bad inputs, each with its exact outcome.

Every case asserts three things where they apply: a clear message in words (never a traceback), the
runner's data kept (the file unchanged, or a copy set aside), and nothing silently wrong (a bad value is
never stored as something else). The kill -9 and two-writer cases are here and in test_answer_store.py.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from harness.check_ins import check_in_fields, fill_in_a_run_without_ache
from upperback.models.records.checkin_csv import MAX_CSV_BYTES, from_csv, to_csv
from upperback.models.records.checkin_log import InvalidCheckIn, validate_check_in
from upperback.models.records.watch_files import read_run
from upperback.storage.answers import AnswerStore
from upperback.storage.checkins import CheckInLog
from upperback.storage.runs import RUNS_FOLDER, RunStore
from upperback.widgets.checkin_form import CheckInForm, LogReview
from upperback.widgets.plan_view import PlanView
from upperback.widgets.run_import import SAMPLE_FILES, SAMPLES

TODAY = date(2026, 11, 24)


# --- A check-in typed or imported: every bad value is refused with its own words -------------------------
BAD_FIELDS = [
    *[({"run_date": value}, "the date must look like 2026-11-24") for value in (
        "24/11/2026", "2026-13-01", "2026-02-30", "20261124", "2026-11-24T10:00", "２０２６-１１-２４", "2026-1-5",
        " 2026-11-2", "yesterday", "2026/11/24", "11-24-2026", "2026-11-24Z", 2026, 20261124.0, ["2026-11-20"],
        {"y": 2026}, True)],
    ({"run_date": ""}, "the date is missing"),
    ({"run_date": None}, "the date is missing"),
    *[({"run_date": value}, "check the year") for value in ("0001-01-01", "1969-12-31", "1000-06-15")],
    *[({"run_date": (TODAY + timedelta(days=days)).isoformat()}, "is in the future") for days in (2, 30, 3650)],
    *[({"minutes": value}, "minutes must be a number") for value in (
        "forty", "1e3", "nan", "inf", "-inf", "٤٠", "²", "40 min", "4,0,0", "0x28", "1_000", "++4", True, [40],
        {"m": 4}, "４０")],
    *[({"minutes": value}, "minutes must be more than 0") for value in ("-3", "0", "601", "0,0", 0, -1, 10_000.5)],
    *[({"km": value}, "kilometres must be a number") for value in ("far", "1e2", "²", True)],
    *[({"km": value}, "kilometres must be more than 0") for value in ("-1", "251")],
    ({"minutes": "", "km": ""}, "give the run's length in minutes or kilometres"),
    ({"minutes": None, "km": None}, "give the run's length in minutes or kilometres"),
    *[({"ache": value}, "the ache must be a whole number") for value in (
        "²", "lots", "٣", "3.5", 3.5, True, False, None, "", [3], {"a": 3}, "0x3", "three", "1e1", "٣٣")],
    *[({"ache": value}, "the ache must be from 0 to 10") for value in (11, -1, "12", 99, "99")],
    *[({"regions": value}, "must be a list of choices") for value in ("between_blades", 5, {"a": 1}, True)],
    *[({"regions": value}, "is not one of") for value in (["knee"], [1], [None], ["between_blades", "toe"])],
    ({"regions": []}, "say where it ached"),
    *[({"started": value}, "is not a choice for when it started") for value in ("soon", 5, ["early"], "EARLY")],
    *[({"started": value}, "choose when the ache started") for value in ("", None)],
    ({"ache": 4, "started": "no_ache"}, "'no ache this run' is chosen"),
    *[({"noticed": value}, "what you noticed") for value in ("arms", ["legs"], [None], 3)],
    *[({"changed": value}, "what you changed") for value in ("run_tall", ["fly"], [7])],
    *[({"helped": value}, "say whether the change helped") for value in ("maybe", "", None, 1, "YES")],
    *[({"note": value}, "keep it to 500") for value in ("x" * 501, "é" * 600, "x" * 200_000)],
    *[({"note": value}, "cannot be saved") for value in ("\ud800", "a\udfffb", "ok \udc80")],
    *[({"note": value}, "the note must be text") for value in (5, ["x"], {"x": 1}, 3.5)],
    *[({"entry_id": value}, "is not one this course writes") for value in (
        "../../etc/passwd", "x" * 65, 12, "a b", "=cmd|' /C calc'!A0", "id\n2", ["id"], "é")],
]


@pytest.mark.parametrize(("changes", "words"), BAD_FIELDS, ids=[f"{i}:{w[:18]}" for i, (_, w) in enumerate(BAD_FIELDS)])
def test_a_bad_value_is_refused_with_its_own_words(changes, words):
    with pytest.raises(InvalidCheckIn) as refused:
        validate_check_in(check_in_fields(**changes), today=TODAY)
    assert words in str(refused.value)
    assert "Traceback" not in str(refused.value) and len(str(refused.value)) < 1000


@pytest.mark.parametrize("days", [0, 1])
def test_a_run_dated_tomorrow_here_is_today_somewhere_and_is_accepted(days):
    entry = validate_check_in(check_in_fields(run_date=(TODAY + timedelta(days=days)).isoformat()), today=TODAY)
    assert entry.run_date == (TODAY + timedelta(days=days)).isoformat()


def test_non_check_in_data_is_refused_in_words():
    for value in ([], "x", 3, None, [check_in_fields()]):
        with pytest.raises(InvalidCheckIn, match="this is not a check-in"):
            validate_check_in(value)


# --- The log on disk: every good line read back, every bad line named, kept, and never in the way -------
def _line(**changes) -> bytes:
    return json.dumps(check_in_fields(**changes)).encode()


BAD_LINES = [
    (b"{", "could not be read"), (b"not json", "could not be read"), (b"\xff\xfe\x00", "could not be read"),
    (b'{"run_date": "2026-11-20", "minutes": "4', "could not be read"), (b"\x00" * 12, "could not be read"),
    (b"[]", "this is not a check-in"), (b"42", "this is not a check-in"), (b"null", "this is not a check-in"),
    (b'"a string"', "this is not a check-in"), (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"a": ' * 100_000 + b"1" + b"}" * 100_000, "nested too deeply"),
    (_line(ache="²"), "the ache must be a whole number"), (_line(ache=99), "from 0 to 10"),
    (_line(run_date="0001-01-01"), "check the year"), (_line(run_date="24.11.2026"), "must look like"),
    (_line(note="x" * 600), "keep it to 500"), (_line(entry_id="=HYPERLINK()"), "not one this course writes"),
    (_line(regions="between_blades"), "list of choices"), (_line(minutes="NaN", km=""), "must be a number"),
    (b"{}", "the date is missing"), (b'{"run_date": "2026-11-20"}', "give the run's length"),
    (b"NaN", "this is not a check-in"), (b"Infinity", "this is not a check-in"),
    (b'{"run_date": "2026-11-20", "ache": 1e999}', "the ache must be a whole number"),
]


@pytest.mark.parametrize(("bad", "words"), BAD_LINES, ids=[f"{i}:{w[:16]}" for i, (_, w) in enumerate(BAD_LINES)])
def test_a_bad_line_in_the_log_is_named_and_kept_and_the_others_are_read(tmp_path, bad, words):
    log = CheckInLog(tmp_path)
    content = _line(note="before", entry_id="a1") + b"\n" + bad + b"\n" + _line(note="after", entry_id="a2") + b"\n"
    log.path.write_bytes(content)
    read = log.read()
    assert [entry.note for entry in read.entries] == ["before", "after"]
    assert len(read.problems) == 1 and "line 2" in read.problems[0] and words in read.problems[0]
    assert len(read.problems[0]) < 600  # a glimpse of the line, not all of it
    LogReview(log)  # the review (chart, summary, table) copes with it
    log.append(validate_check_in(check_in_fields(note="later", entry_id="a3")))
    assert log.path.read_bytes().startswith(content), "the bad line stays in the file, as it was"
    assert [entry.note for entry in log.read().entries] == ["before", "after", "later"]


@pytest.mark.parametrize("days_ahead", [1, 2, 400])
def test_an_entry_from_a_time_zone_ahead_or_a_wrong_clock_is_still_read_and_exported(tmp_path, days_ahead):
    log = CheckInLog(tmp_path)
    ahead = (date.today() + timedelta(days=days_ahead)).isoformat()
    log.path.write_bytes(_line(run_date=ahead, note="from Auckland") + b"\n")
    assert [entry.run_date for entry in log.read().entries] == [ahead]
    _name, exported = log.csv_export()
    assert ahead in exported


def test_fields_written_by_a_newer_version_are_kept_through_read_export_and_import(tmp_path):
    log = CheckInLog(tmp_path)
    log.path.write_bytes(_line(entry_id="n1", heart_rate=150, shoes={"brand": "x"}) + b"\n")
    entry = log.read().entries[0]
    assert entry.as_record()["heart_rate"] == 150 and entry.as_record()["shoes"] == {"brand": "x"}
    imported, problems = from_csv(to_csv([entry]))
    assert problems == [] and imported == [entry]


# --- CSV: formula-leading cells neutralised the OWASP way, and a lossless round trip ---------------------
NOTES = ["=1+1", "+1", "-1", "@SUM(A1)", "\tTab first", "\rCR first", "'apostrophe first", "''two", "=HYPERLINK(\"x\")",
         "line one\nline two", "line one\r\nline two", "ünïcödé 🏃 漢字", 'quote " and, comma', "", "ends with =",
         "-", "=", "@", "'"]


@pytest.mark.parametrize("note", NOTES, ids=[repr(note)[:20] for note in NOTES])
def test_csv_export_neutralises_formulas_and_round_trips_every_character(note):
    entry = validate_check_in(check_in_fields(note=note), today=TODAY)
    text = to_csv([entry])
    import csv
    import io

    cell = next(csv.DictReader(io.StringIO(text)))["note"]
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    imported, problems = from_csv(text)
    assert problems == [] and imported == [entry] and imported[0].note == note


BAD_CSV_CELLS = [
    ({"ache": "²"}, "whole number"), ({"ache": "11"}, "from 0 to 10"), ({"run_date": "0001-01-01"}, "check the year"),
    ({"run_date": "1/2/2026"}, "must look like"), ({"minutes": "=1+1"}, "must be a number"),
    ({"entry_id": "'=cmd"}, "not one this course writes"), ({"entry_id": "a b"}, "not one this course writes"),
    ({"regions": "knee"}, "is not one of"), ({"note": "x" * 501}, "keep it to 500"),
    ({"note": "x" * 20_000}, "longer than 10,000 characters"), ({"extra": "{not json"}, "extra column"),
    ({"extra": "[1, 2]"}, "extra column"), ({"helped": "maybe"}, "helped"), ({"started": "later"}, "started"),
]


@pytest.mark.parametrize(("cells", "words"), BAD_CSV_CELLS, ids=[w[:20] for _, w in BAD_CSV_CELLS])
def test_a_bad_csv_row_is_named_and_the_good_rows_are_imported(tmp_path, cells, words):
    good_entry = validate_check_in(check_in_fields(entry_id="keep1"), today=TODAY)
    text = to_csv([good_entry])
    header, row = text.splitlines()[:2]
    import csv
    import io

    values = next(csv.DictReader(io.StringIO(text)))
    values.update(cells, entry_id=cells.get("entry_id", "bad1"))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header.split(","), lineterminator="\n")
    writer.writeheader()
    writer.writerow(values)
    bad_csv = buffer.getvalue() + row + "\n"
    added, problems = CheckInLog(tmp_path).import_csv(bad_csv)
    assert added == 1 and len(problems) == 1 and "row 2" in problems[0] and words in problems[0]


def test_a_short_csv_row_with_a_bad_value_is_named_in_one_sentence_after_the_good_row(tmp_path):
    """A row written by hand, without the last columns: the missing cells are no problem, the bad one is."""
    text = to_csv([validate_check_in(check_in_fields(), today=TODAY)])
    text += "2026-11-23,abc,,5,between_blades,tired,,,no_change,,x1\n"
    added, problems = CheckInLog(tmp_path).import_csv(text)
    assert added == 1 and problems == ["row 3: minutes must be a number, not 'abc'"]


@pytest.mark.parametrize("size", [140_000, 200_000, 1_000_000])
def test_a_huge_csv_field_is_refused_in_words_and_nothing_half_imported(tmp_path, size):
    text = to_csv([validate_check_in(check_in_fields(entry_id="h1"), today=TODAY)])
    text += '2026-11-21,40,,3,between_blades,tired,,,no_change,"' + "x" * size + '",h2,\n'
    entries, problems = from_csv(text)
    assert [entry.entry_id for entry in entries] == ["h1"]
    assert len(problems) == 1 and ("cannot be read" in problems[0] or "longer than" in problems[0])


NOT_EXPORTS = ["", "\n", "just some text", "a,b,c\n1,2,3\n", "\ufeff", '"unclosed', "\x00\x00",
               "run_date\n2026-11-20\n", "<html></html>"]


@pytest.mark.parametrize("text", NOT_EXPORTS, ids=range(len(NOT_EXPORTS)))
def test_a_file_that_is_not_an_export_is_refused_whole_in_words(tmp_path, text):
    log = CheckInLog(tmp_path)
    added, problems = log.import_csv(text)
    assert added == 0 and problems and ("not a check-in log export" in problems[0] or "CSV" in problems[0])
    assert not log.path.exists()


# --- The answers file: every damaged or foreign file set aside, nothing lost ----------------------------
DAMAGED = [b"", b"{", b"[]", b"null", b'"text"', b'{"lessons": 5}', b'{"format": 1}', b"\xff\xfe",
           b"[" * 100_000 + b"]" * 100_000, b'{"lessons": ' * 3000 + b"{}" + b"}" * 3000, b"\x00" * 50,
           b'{"lessons": {"start_here": {"answers": {"where": 5}}}}',
           b'{"lessons": {"start_here": {"answers": ["a"]}}}', b'{"lessons": {"start_here": "garbage"}}',
           b'{"lessons": {"start_here": null}}', b"NaN", b"1e999", b'{"lessons": []}']


@pytest.mark.parametrize("content", DAMAGED, ids=range(len(DAMAGED)))
def test_a_damaged_answers_file_is_set_aside_with_a_message_and_saving_works(tmp_path, content):
    store = AnswerStore(tmp_path)
    store.path.write_bytes(content)
    loaded = store.load()
    assert loaded.notices and "kept as" in loaded.notices[0]
    kept = [path.read_bytes() for path in tmp_path.glob("answers.unreadable-*.json")]
    assert content in kept, "the original bytes survive in the copy set aside"
    store.save("posture", {"slump": "often"})
    assert store.load().answers("posture") == {"slump": "often"}


def test_an_answers_file_from_a_newer_version_keeps_its_fields_and_a_copy(tmp_path):
    store = AnswerStore(tmp_path)
    newer = {"format": 7, "owner": "a newer course", "lessons": {
        "start_here": {"answers": {"where": "elsewhere"}, "saved_at": "2027-01-01", "confidence": 0.8}}}
    store.path.write_text(json.dumps(newer))
    notices = store.save("posture", {"slump": "often"})
    saved = json.loads(store.path.read_text())
    assert saved["owner"] == "a newer course" and saved["format"] == 7
    assert saved["lessons"]["start_here"]["confidence"] == 0.8
    assert any("newer version" in notice for notice in notices)
    assert any(json.loads(path.read_text()) == newer for path in tmp_path.glob("answers.unreadable-*.json"))


# --- Widgets: whatever happens, words on screen, never a traceback or a silent button -------------------
def test_an_unreadable_data_folder_gives_words_and_saves_nothing_over_it(tmp_path, monkeypatch):
    from upperback.models.course.lessons import BY_KEY
    from upperback.widgets.selfcheck_form import SelfCheckForm

    def refused(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "exists", refused)
    form = SelfCheckForm(BY_KEY["start_here"].self_check, AnswerStore(tmp_path / "locked"))
    assert "cannot be read (Permission denied)" in form.feedback.value
    for picker in form.pickers.values():
        picker.value = picker.options[0][1]
    form.submit()
    assert "Permission denied" in form.feedback.value and "not saved" in form.feedback.value
    view = PlanView(AnswerStore(tmp_path / "locked"))
    assert "Permission denied" in view.text.value and view.printable.content == b""  # no plan to download


def test_a_broken_emoji_in_a_note_gives_words_and_keeps_the_form(tmp_path):
    form = CheckInForm(CheckInLog(tmp_path))
    fill_in_a_run_without_ache(form)
    form.note.value = "sore \ud83d"
    assert form.save() is False
    assert "cannot be saved" in form.message.value and form.note.value == "sore \ud83d"


def test_an_upload_that_is_not_text_or_far_too_big_gives_words(tmp_path):
    review = LogReview(CheckInLog(tmp_path))
    review.upload.send = lambda content: None  # no browser here
    # the message the browser sends (web/upload.js): the file's name and size, the file as a binary buffer
    review.upload._received(review.upload, {"file": "photo.csv", "size": 9}, [memoryview(b"\xff\xd8\xff\xe0 jpeg")])
    assert "photo.csv is not a text CSV file" in review.message.value
    assert review.upload.max_bytes == MAX_CSV_BYTES and "{name}" in review.upload.too_big  # refused in the page
    header = to_csv([]).strip()
    review.import_text(header + "\n" + "2026-11-21,40,,3,between_blades,tired,,,no_change,\"" + "x" * 300_000 + "\",i,\n")
    assert "cannot be read" in review.message.value or "longer than" in review.message.value
    assert "Traceback" not in review.message.value


def test_an_unexpected_failure_inside_a_button_is_said_in_words(tmp_path, monkeypatch):
    review = LogReview(CheckInLog(tmp_path))
    monkeypatch.setattr("upperback.widgets.checkin_form.ache_chart_png",
                        lambda entries, narrow=False: (_ for _ in ()).throw(OverflowError("date value out of range")))
    review.refresh()
    assert "That did not work (date value out of range)" in review.summary.value
    monkeypatch.setattr(CheckInLog, "import_csv", lambda self, text: 1 / 0)
    assert review.import_text("date\n") is None and "division by zero" in review.message.value


def test_the_log_download_writes_nothing_to_disk_and_a_failing_export_gives_words(tmp_path, monkeypatch):
    log = CheckInLog(tmp_path / "data")
    log.append(validate_check_in(check_in_fields(entry_id="d1")))
    monkeypatch.chdir(tmp_path)  # where the old export wrote its file: beside the notebook
    before = sorted(tmp_path.rglob("*"))
    review = LogReview(log)
    assert review.download.content.decode().startswith("run_date,") and sorted(tmp_path.rglob("*")) == before
    monkeypatch.setattr(CheckInLog, "csv_export", lambda self, entries=None: 1 / 0)
    review.refresh()
    assert "division by zero" in review.summary.value and "Traceback" not in review.summary.value


# --- Private by default, and tidy ------------------------------------------------------------------------
def test_the_data_folder_and_files_are_private_even_if_they_were_not(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    (folder / "run_log.jsonl").write_bytes(_line() + b"\n")
    (folder / "run_log.jsonl").chmod(0o644)
    CheckInLog(folder).append(validate_check_in(check_in_fields(entry_id="p1")))
    AnswerStore(folder).save("posture", {"slump": "often"})
    assert folder.stat().st_mode & 0o777 == 0o700
    for name in ("run_log.jsonl", "answers.json"):
        assert (folder / name).stat().st_mode & 0o777 == 0o600, name


def test_a_folder_shared_by_design_is_left_as_it_is_and_the_files_in_it_stay_private(tmp_path, monkeypatch):
    """A folder with the sticky bit (as /tmp: every user of the machine needs it as it is), or somebody else's,
    keeps its mode; the files in it are the learner's alone."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    AnswerStore(shared).save("posture", {"slump": "often"})
    assert shared.stat().st_mode & 0o7777 == 0o1777
    assert (shared / "answers.json").stat().st_mode & 0o777 == 0o600
    coach = tmp_path / "coach"
    coach.mkdir(mode=0o755)
    coach.chmod(0o755)
    monkeypatch.setattr(os, "getuid", lambda: coach.stat().st_uid + 1)  # as a learner in a coach's folder
    AnswerStore(coach).save("posture", {"slump": "often"})
    assert coach.stat().st_mode & 0o777 == 0o755
    assert (coach / "answers.json").stat().st_mode & 0o777 == 0o600


def test_a_runs_folder_given_leaves_its_parent_alone_and_the_learners_own_makes_the_data_folder_private(
        tmp_path, monkeypatch):
    """benchmarks.run once gave the store a folder straight in /tmp, and the store made /tmp 0700 (apt then
    failed): only the learner's data folder, the one the course chose, is made private with its runs."""
    run = read_run((SAMPLES / SAMPLE_FILES[0]).read_bytes(), SAMPLE_FILES[0])
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    loose.chmod(0o755)
    RunStore(loose / "my-runs").save(run)
    assert loose.stat().st_mode & 0o777 == 0o755
    assert (loose / "my-runs").stat().st_mode & 0o777 == 0o700
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    monkeypatch.setenv("UPPERBACK_DATA_DIR", str(data))
    RunStore().save(run)
    assert data.stat().st_mode & 0o777 == 0o700 and (data / RUNS_FOLDER).stat().st_mode & 0o777 == 0o700


def test_temporary_files_left_by_interrupted_saves_are_cleared_on_the_next_save(tmp_path):
    store = AnswerStore(tmp_path)
    old = time.time() - 3600
    for number in range(76):
        leftover = tmp_path / f".answers.json.{number:04d}.tmp"
        leftover.write_text("{half")
        os.utime(leftover, (old, old))
    live = tmp_path / ".answers.json.live.tmp"  # another save may be writing this one right now
    live.write_text("{")
    store.save("posture", {"slump": "often"})
    assert [path.name for path in tmp_path.glob(".answers.json.*.tmp")] == [live.name]


# --- Crashes: kill -9 in the middle of appends ------------------------------------------------------------
APPENDER = """
import sys
from upperback.models.records.checkin_log import validate_check_in
from upperback.storage.checkins import CheckInLog
log = CheckInLog(sys.argv[1])
for number in range(100_000):
    log.append(validate_check_in({"run_date": "2026-11-20", "minutes": 30, "ache": 0, "started": "no_ache",
                                  "note": "n" * 300, "entry_id": f"k{number}"}))
"""


def test_a_log_killed_mid_write_loses_at_most_the_line_being_written(tmp_path):
    writer = subprocess.Popen([sys.executable, "-c", APPENDER, str(tmp_path)])
    deadline = time.monotonic() + 30
    log = CheckInLog(tmp_path)
    while (not log.path.exists() or log.path.stat().st_size < 20_000) and time.monotonic() < deadline:
        time.sleep(0.02)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    read = log.read()
    assert len(read.entries) > 10 and len(read.problems) <= 1
    numbers = [int(entry.entry_id[1:]) for entry in read.entries]
    assert numbers == list(range(len(numbers))), "every complete line, in order, none lost"
    log.append(validate_check_in(check_in_fields(entry_id="after")))
    assert log.read().entries[-1].entry_id == "after"
