"""The run check-in log: validation, the file on disk, a crash, CSV, escaping, summaries. The replay of bad
values, bad lines in the log and bad imports, each with its own words, is test_bad_inputs.py."""

import json
import os
import re
from datetime import date

import pytest

from harness.check_ins import check_in_fields, fill_in_a_run_without_ache
from upperback.models.records.checkin_csv import from_csv
from upperback.models.records.checkin_log import InvalidCheckIn, summary_sentences, validate_check_in
from upperback.storage.checkins import CheckInLog
from upperback.widgets.checkin_form import CheckInForm, LogReview, entries_table_html

TODAY = date(2026, 11, 24)


def run(**changes):
    return validate_check_in(check_in_fields(**changes), today=TODAY)


def test_a_complete_check_in_is_accepted_with_its_fields_in_order():
    entry = run(regions=["around_ribs", "between_blades", "around_ribs"], minutes="35,5")
    assert entry.regions == ("between_blades", "around_ribs")
    assert entry.minutes == 35.5 and entry.km is None


def test_several_problems_are_reported_together():
    with pytest.raises(InvalidCheckIn) as caught:
        run(minutes="", km="", ache=12, started="")
    assert len(caught.value.problems) == 3


def test_entries_round_trip_through_the_file(tmp_path):
    log = CheckInLog(tmp_path)
    first, second = run(note="felt good"), run(run_date="2026-11-22", ache=1, note="ünïcode ✓")
    log.append(first)
    log.append(second)
    read = log.read()
    assert read.problems == [] and read.entries == [first, second]


def test_an_empty_or_missing_log_reads_as_no_runs(tmp_path):
    assert CheckInLog(tmp_path).read().entries == []
    (tmp_path / "run_log.jsonl").write_text("")
    assert CheckInLog(tmp_path).read().entries == []
    assert "No check-ins yet" in summary_sentences([])[0]


def test_a_line_cut_off_by_a_crash_is_reported_skipped_and_kept_and_the_next_save_is_safe(tmp_path):
    log = CheckInLog(tmp_path)
    log.append(run(note="before the crash"))
    with log.path.open("ab") as file:  # what a crash half way through a save leaves behind
        file.write(json.dumps(run().as_record()).encode()[:40])
    read = log.read()
    assert [e.note for e in read.entries] == ["before the crash"]
    assert "line 2 of the log could not be read" in read.problems[0]
    log.append(run(note="after the crash"))
    read = log.read()
    assert [e.note for e in read.entries] == ["before the crash", "after the crash"]
    assert len(log.path.read_bytes().splitlines()) == 3  # the cut-off line is still there, untouched


def test_a_failing_disk_leaves_the_log_as_it_was_and_the_form_keeps_the_entry(tmp_path, monkeypatch):
    log = CheckInLog(tmp_path)
    log.append(run(note="kept"))
    before = log.path.read_bytes()

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    form = CheckInForm(log)
    fill_in_a_run_without_ache(form)
    form.note.value = "my words"
    assert form.save() is False
    assert "No space left on device" in form.message.value and form.note.value == "my words"
    monkeypatch.undo()
    assert log.read().entries[0].note == "kept" and log.path.read_bytes().startswith(before)


def test_the_form_saves_nothing_until_every_field_is_valid(tmp_path):
    log = CheckInLog(tmp_path)
    form = CheckInForm(log)
    assert form.save() is False
    assert "give the run" in form.message.value and not log.path.exists()
    fill_in_a_run_without_ache(form)
    assert form.save() is True
    assert len(log.read().entries) == 1


def test_csv_export_and_import_round_trip_without_duplicates(tmp_path):
    log = CheckInLog(tmp_path / "home")
    entries = [run(note='quote " and, comma'), run(run_date="2026-11-21", changed=[], helped="no_change")]
    for entry in entries:
        log.append(entry)
    name, exported = log.csv_export()
    assert re.fullmatch(r"run_log_\d{4}-\d{2}-\d{2}\.csv", name)
    parsed, problems = from_csv(exported)
    assert problems == [] and parsed == entries
    elsewhere = CheckInLog(tmp_path / "binder")
    assert elsewhere.import_csv(exported) == (2, [])
    assert elsewhere.import_csv(exported) == (0, [])  # importing twice adds nothing
    assert elsewhere.read().entries == entries


def test_what_a_runner_types_is_shown_as_text_never_as_markup(tmp_path):
    table = entries_table_html([run(note='<script>alert("x")</script><b>bold</b>')])
    assert "<script>" not in table and "<b>bold" not in table
    assert "&lt;script&gt;" in table


def test_the_review_updates_when_a_check_in_is_saved(tmp_path):
    log = CheckInLog(tmp_path)
    review = LogReview(log)
    form = CheckInForm(log, on_saved=review.refresh)
    form.minutes.value, form.ache.value, form.started.value = "25", 2, "tired"
    form.regions["around_ribs"].value = True
    form.helped.value = "no_change"
    form.warning.value = "none"
    assert form.save()
    assert "1 run logged" in review.summary.value and "around the ribs" in review.table.value


def test_the_summary_stays_honest_with_few_runs():
    entries = [run(ache=2, run_date=f"2026-11-0{d}") for d in range(1, 3)]
    sentences = summary_sentences(entries)
    assert any("Too few runs to compare" in s for s in sentences)
    assert not any("lower on runs" in s for s in sentences)


def test_the_summary_compares_runs_with_and_without_a_change_once_there_are_enough():
    tried = [run(run_date=f"2026-11-1{d}", ache=2, changed=["shake_out"], helped="yes") for d in range(3)]
    not_tried = [run(run_date=f"2026-11-0{d + 1}", ache=5, changed=[], helped="no_change") for d in range(3)]
    sentences = summary_sentences(tried + not_tried)
    assert any("lower on runs where you shook out arms and shoulders (2.0 over 3 runs, against 5.0 over 3)" in s
               for s in sentences)
    assert "not proof" in sentences[-1]
