"""The watch-file importer against three real recordings (figures decoded independently, with fitdecode
0.11.0 and a plain XML walk, by a teammate), and against broken copies and quirks built here."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from upperback.models.records.watch_files import RunFileError, read_run
from upperback.models.records.watch_files.fit import _standard_fields

SAMPLES = Path(__file__).resolve().parents[1] / "upperback" / "sample_runs"
FIT, TCX, GPX = (SAMPLES / name for name in ("run_fenix2_2015.fit", "run_hr_nocadence_2012.tcx",
                                             "run_garminconnect_hr_cad_2019.gpx"))
# Decoded independently (elapsed: FIT session.total_elapsed_time, TCX last point − first lap start, GPX span;
# distance: FIT session.total_distance, TCX sum of laps, GPX haversine; cadence: median of non-zero samples).
TRUTH = {
    FIT.name: {"start_utc": "2015-08-15T14:45:08Z", "elapsed_s": 2832.0, "distance_m": 9008.22,
               "cadence_spm_median": 166.0, "heart_rate_bpm_mean": 153.98, "heart_rate_bpm_max": 178,
               "records": 2809},
    TCX.name: {"start_utc": "2012-12-26T21:29:53Z", "elapsed_s": 1992.0, "distance_m": 4689.24,
               "cadence_spm_median": None, "heart_rate_bpm_mean": 156.65, "heart_rate_bpm_max": 189,
               "records": 384},
    GPX.name: {"start_utc": "2019-11-16T08:58:30Z", "elapsed_s": 2304.0, "distance_m": 5318.4,
               "cadence_spm_median": 152.0, "heart_rate_bpm_mean": 138.81, "heart_rate_bpm_max": 160,
               "records": 602},
}
KEYS = ["file", "format", "sport", "start_utc", "elapsed_s", "moving_s", "distance_m", "cadence_spm_median",
        "heart_rate_bpm_mean", "heart_rate_bpm_max", "records", "has_positions"]


def command(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "upperback.runs", *arguments], capture_output=True, text=True,
                          check=False, timeout=60)


def test_the_command_gives_the_independently_decoded_figures():
    result = command("--json", str(FIT), str(TCX), str(GPX))
    assert result.returncode == 0, result.stderr
    printed = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(figures) for figures in printed] == [KEYS] * 3
    for figures in printed:
        truth = TRUTH[figures["file"]]
        assert figures["sport"] == "running" and figures["start_utc"] == truth["start_utc"]
        assert figures["elapsed_s"] == pytest.approx(truth["elapsed_s"], rel=0.01)
        assert figures["distance_m"] == pytest.approx(truth["distance_m"], rel=0.01)
        if truth["cadence_spm_median"] is None:
            assert figures["cadence_spm_median"] is None
        else:
            assert abs(figures["cadence_spm_median"] - truth["cadence_spm_median"]) <= 2
        assert abs(figures["heart_rate_bpm_mean"] - truth["heart_rate_bpm_mean"]) <= 1.5
        assert figures["heart_rate_bpm_max"] == truth["heart_rate_bpm_max"]
        assert figures["records"] == truth["records"] and figures["has_positions"] is True
    assert not re.search(r"lat|lon|position_|58\.95|49\.48|35\.95", result.stdout.replace("has_positions", ""))


def test_fit_cadence_is_per_foot_and_zeros_are_standing():
    run = read_run(FIT.read_bytes(), FIT.name)
    cadences = [s.cadence_spm for s in run.samples if s.cadence_spm is not None]
    assert min(cadences) == 0 and max(cadences) == 204  # doubled: the file says 102 strides a minute
    assert run.cadence_spm_median == 166


def test_tcx_timer_time_is_the_laps_and_elapsed_counts_from_the_first_lap():
    run = read_run(TCX.read_bytes(), TCX.name)
    assert run.moving_s == pytest.approx(1992.78) and run.elapsed_s == 1992.0


def test_a_bad_file_gets_one_line_and_the_command_exit_status_2(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("my run was great")
    result = command("--json", str(bad), str(GPX))
    assert result.returncode == 2
    assert [json.loads(line)["file"] for line in result.stdout.splitlines()] == [GPX.name]
    assert result.stderr.strip() == "notes.txt: this is not a FIT, TCX or GPX file."


def test_without_json_the_command_says_it_in_words():
    result = command(str(TCX))
    assert result.returncode == 0
    assert result.stdout.startswith("run_hr_nocadence_2012.tcx: running (tcx), 2012-12-26T21:29:53Z, 33 min")


def _edited(path: Path, old: str, new: str, count: int = -1) -> bytes:
    text = path.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, count).encode("utf-8")


FIT_BYTES = FIT.read_bytes()
BROKEN = [
    (b"", "the file is empty"),
    (b"   \n\t", "the file is empty"),
    (FIT_BYTES[: len(FIT_BYTES) // 2], "the FIT file is cut off"),
    (FIT_BYTES[:200], "the FIT file is cut off"),
    (FIT_BYTES[:14], "cut off"),
    (FIT_BYTES[:5000] + bytes([FIT_BYTES[5000] ^ 0xFF]) + FIT_BYTES[5001:], "FIT file"),
    (FIT_BYTES[:-2] + b"\x00\x00", "damaged (its checksum does not match)"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "not a FIT, TCX or GPX file"),
    (b"<gpx><trk><trkseg><trkpt lat='1' lon='2'>", "not well-formed XML"),
    (TCX.read_bytes()[:5000], "not well-formed XML"),
    (b"<?xml version='1.0'?><html><body/></html>", "neither TCX nor GPX"),
    (b"<gpx/>", "has no track"),
    (b"<gpx><trk><trkseg/></trk></gpx>", "no timed track points"),
    (b"<TrainingCenterDatabase/>", "no activity"),
    (_edited(TCX, 'Sport="Running"', 'Sport="Biking"'), "this is a biking activity, not a run"),
    (_edited(GPX, "<type>running</type>", "<type>cycling</type>"), "this is a cycling activity, not a run"),
    (_edited(GPX, "<type>running</type>", "<type>open_water_swimming</type>"),
     "this is a open water swimming activity"),
    (b"<TrainingCenterDatabase><Activities><Activity Sport='Running'/></Activities></TrainingCenterDatabase>",
     "no timed track points"),
    (b"\xef\xbb\xbf" + b"<gpx" * 3, "not well-formed XML"),
    (b"<!DOCTYPE x [<!ENTITY a '" + b"a" * 10 + b"'>]><gpx>&a;</gpx>", "has no track"),
]


@pytest.mark.parametrize(("data", "words"), BROKEN, ids=[w[:24] for _, w in BROKEN])
def test_a_broken_file_is_refused_in_one_line_and_nothing_half_imported(data, words):
    with pytest.raises(RunFileError) as refused:
        read_run(data, "upload")
    message = str(refused.value)
    assert words in message and "\n" not in message and message.startswith("upload: ")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    from upperback.delivery import runs_command as runs
    from upperback.models.records import watch_files

    monkeypatch.setattr(watch_files, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr(runs, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the command read a file it must refuse"))
    with pytest.raises(RunFileError, match="the course can read files up to"):
        runs.read_path(GPX)
    monkeypatch.undo()
    monkeypatch.setattr(watch_files, "MAX_FILE_BYTES", 1000)
    with pytest.raises(RunFileError, match="the course can read files up to"):
        read_run(GPX.read_bytes(), GPX.name)


def test_a_clock_counting_from_power_on_gives_an_unknown_start_not_1990():
    data = _edited(TCX, "2012-12-26T", "1990-01-01T")
    run = read_run(data, "old.tcx")
    assert run.start_utc is None and run.summary()["start_utc"] is None
    assert run.elapsed_s == 1992.0  # the durations still hold


def test_a_pause_makes_elapsed_time_longer_than_moving_time():
    text = GPX.read_text()
    times = re.findall(r"<time>2019-11-16T09:(\d\d):(\d\d)", text)
    shifted = re.sub(r"<time>2019-11-16T09:(1[5-9]|[2-3]\d):", lambda m: f"<time>2019-11-16T10:{m[1]}:", text)
    run = read_run(shifted.encode(), "paused.gpx")
    assert times and run.elapsed_s > run.moving_s + 3000  # an hour's pause, left out of moving time


def test_gps_on_part_of_a_run_measures_the_part_it_has():
    text = GPX.read_text()
    points = text.split("<trkpt ")
    without = points[0] + "".join(("<trkpt " + re.sub(r'lat="[^"]+" lon="[^"]+"', "", p, count=1))
                                  if i > len(points) // 2 else "<trkpt " + p for i, p in enumerate(points[1:], 1))
    run = read_run(without.encode(), "half.gpx")
    assert run.has_positions and 0.3 * 5318 < run.distance_m < 0.7 * 5318
    assert run.summary()["records"] == 602


def test_namespaces_and_prefixes_do_not_matter():
    renamed = GPX.read_text().replace("ns3:", "gpxtpx:").replace("xmlns:ns3=", "xmlns:gpxtpx=")
    plain = re.sub(r'\s(xsi:schemaLocation|xmlns(:\w+)?)="[^"]+"', "", GPX.read_text()).replace("ns3:", "")
    assert read_run(renamed.encode(), "a.gpx").summary() | {"file": ""} == \
        read_run(GPX.read_bytes(), "b.gpx").summary() | {"file": ""} == \
        read_run(plain.encode(), "c.gpx").summary() | {"file": ""}


def test_developer_fields_that_reuse_a_standard_name_are_ignored():
    class Field:
        def __init__(self, name, value, dev):
            self.name, self.value = name, value
            self.field_def = type("Def", (), {"is_dev": dev})()

    frame = type("Frame", (), {"fields": [Field("distance", 12.0, False), Field("distance", 999.0, True)]})()
    assert _standard_fields(frame) == {"distance": 12.0}


def test_runs_and_check_ins_of_the_same_day_are_joined_with_pace_distance_and_time():
    from upperback.models.records.checkin_log import validate_check_in
    from upperback.models.records.watch_files import join_with_check_ins

    summary = read_run(FIT.read_bytes(), FIT.name).summary()
    same_day = validate_check_in({"run_date": "2015-08-15", "minutes": 47, "ache": 4,
                                  "regions": ["between_blades"], "started": "tired"})
    other_day = validate_check_in({"run_date": "2015-08-16", "minutes": 30, "ache": 2,
                                   "regions": ["between_blades"], "started": "tired"})
    (pair,) = join_with_check_ins([summary], [same_day, other_day])
    assert pair["ache"] == 4 and pair["distance_km"] == pytest.approx(9.008, abs=0.01)
    assert pair["pace_min_per_km"] == pytest.approx(2832 / 60 / 9.008, abs=0.01) and pair["minutes"] == 47
