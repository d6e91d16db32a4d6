"""Imported runs on disk: one small JSON file per run in ``runs/`` of the runner's private data folder.

Only the run's summary and its minute-by-minute series are kept, never a position. Files are written
atomically and readable by their owner only; a damaged file is named, skipped and left where it is.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from upperback.models.records.watch_files import Run, per_minute, run_name, start_words
from upperback.storage.changes import Listeners
from upperback.storage.files import data_dir, plain_error, private_folder, write_atomically

RUNS_FOLDER = "runs"
RUNS_CHANGED = Listeners()  # told after each run saved, restored or deleted in this kernel


@dataclass(frozen=True)
class StoredRun:
    run_id: str
    summary: dict
    minutes: list[dict]

    @property
    def name(self) -> str:
        """The run's file in words: a sample by what it is, the runner's own file by its name."""
        return run_name(self.summary["file"])

    @property
    def label(self) -> str:
        km = self.summary.get("distance_m")
        return f"{start_words(self.summary.get('start_utc'))} · {self.name}" + (f" · {km / 1000:.1f} km" if km else "")


@dataclass
class RunsRead:
    runs: list[StoredRun]
    problems: list[str] = field(default_factory=list)


class RunStore:
    def __init__(self, folder: Path | str | None = None):
        self.folder = Path(folder) if folder is not None else data_dir() / RUNS_FOLDER
        # the learner's data folder is made private with its runs folder; a folder given is the caller's own, and
        # its parent is left as it is (given one straight in /tmp, /tmp itself became 0700)
        self.data_folder = data_dir() if folder is None else None

    def save(self, run: Run) -> tuple[StoredRun, bool]:
        """Keep the run's summary and minutes; the same file imported twice is kept once. Returns the stored
        run and whether it is new (False: it was already kept)."""
        summary = run.summary()
        run_id = hashlib.sha256(json.dumps(summary, sort_keys=True).encode()).hexdigest()[:16]
        new = not (self.folder / f"{run_id}.json").exists()
        stored = StoredRun(run_id, summary, per_minute(run))
        self.restore(stored)
        return stored, new

    def restore(self, stored: StoredRun) -> None:
        """Write a run back as it was (an undone delete), then tell the views that show runs."""
        if self.data_folder is not None:
            private_folder(self.data_folder)
        private_folder(self.folder)
        write_atomically(self.folder / f"{stored.run_id}.json",
                         json.dumps({"summary": stored.summary, "minutes": stored.minutes}, ensure_ascii=False))
        RUNS_CHANGED.tell()

    def read(self) -> RunsRead:
        """Every stored run, newest first."""
        try:
            paths = sorted(self.folder.glob("*.json")) if self.folder.exists() else []
        except OSError as problem:
            return RunsRead([], [f"The runs folder {self.folder} could not be read ({plain_error(problem)})."])
        runs, problems = [], []
        for path in paths:
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
                runs.append(StoredRun(path.stem, dict(document["summary"]), list(document["minutes"])))
            except (OSError, ValueError, KeyError, TypeError, RecursionError) as problem:
                problems.append(f"The imported run {path.name} could not be read ({plain_error(problem)}); it "
                                "is skipped and left in its folder.")
        runs.sort(key=lambda stored: stored.summary.get("start_utc") or "", reverse=True)
        return RunsRead(runs, problems)

    def delete(self, run_id: str) -> None:
        if not run_id.isalnum():
            raise ValueError(f"{run_id!r} is not the number of an imported run.")
        (self.folder / f"{run_id}.json").unlink(missing_ok=True)
        RUNS_CHANGED.tell()
