"""The runner's experiments on disk: ``experiments.jsonl`` in the data folder, one event per line.

An experiment is its events: started (the change, the schedule's draws, the day), a run checked in (its
number and the check-in it is), stopped by the runner. Like the check-in log, the file is only ever appended
to: a new event cannot damage an old one, and a cut-off last line (a crash, a full disk) is reported and
skipped. The ache and the watch figures of each run stay in the check-in log; here is only which check-in
is which run.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from upperback.models.records.checkin_log import CHANGES
from upperback.models.records.experiment import Schedule
from upperback.storage.files import append_line, data_dir, plain_error

EXPERIMENTS_FILE = "experiments.jsonl"
STARTED, RUN, STOPPED = "started", "run", "stopped"


@dataclass
class Experiment:
    experiment_id: str
    change: str  # a key of checkin_log.CHANGES
    schedule: Schedule
    started_on: date
    runs: list[str | None] = field(default_factory=list)  # check-in entry ids by run number (1 first)
    stopped_on: date | None = None  # the runner stopped it

    @property
    def next_run(self) -> int | None:
        """The number of the next run of the plan, or None when every run is logged or it was stopped."""
        if self.stopped_on is not None or len(self.runs) >= self.schedule.runs:
            return None
        return len(self.runs) + 1

    @property
    def going(self) -> bool:
        return self.next_run is not None


@dataclass
class ExperimentsRead:
    experiments: list[Experiment]
    problems: list[str] = field(default_factory=list)

    @property
    def current(self) -> Experiment | None:
        """The newest experiment (going, finished or stopped), or None."""
        return self.experiments[-1] if self.experiments else None


class ExperimentStore:
    def __init__(self, folder: Path | str | None = None):
        self.folder = Path(folder) if folder is not None else data_dir()
        self.path = self.folder / EXPERIMENTS_FILE

    def read(self) -> ExperimentsRead:
        try:
            if not self.path.exists():
                return ExperimentsRead([])
            lines = self.path.read_bytes().split(b"\n")
        except OSError as problem:
            return ExperimentsRead([], [f"Your experiments at {self.path} could not be read ({plain_error(problem)})."])
        experiments: dict[str, Experiment] = {}
        problems = []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                _apply(json.loads(line.decode("utf-8")), experiments)
            except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as problem:
                why = "it is cut off or damaged" if isinstance(problem, UnicodeDecodeError | json.JSONDecodeError) \
                    else str(problem)
                problems.append(f"line {number} of your experiments file could not be used ({why}); it is "
                                "skipped and left in the file")
        return ExperimentsRead(list(experiments.values()), problems)

    def start(self, change: str, schedule: Schedule, started_on: date) -> Experiment:
        if change not in CHANGES:
            raise ValueError(f"{change!r} is not one of the changes to try")
        experiment_id = uuid.uuid4().hex
        self._append({"event": STARTED, "experiment_id": experiment_id, "change": change,
                      "schedule": schedule.as_list(), "started_on": started_on.isoformat()})
        return Experiment(experiment_id, change, schedule, started_on)

    def add_run(self, experiment: Experiment, entry_id: str) -> int:
        """Record a check-in as the experiment's next run; returns its run number."""
        run_number = experiment.next_run
        if run_number is None:
            raise ValueError("this experiment has all its runs, or was stopped")
        self._append({"event": RUN, "experiment_id": experiment.experiment_id, "run_number": run_number,
                      "entry_id": entry_id})
        experiment.runs.append(entry_id)
        return run_number

    def stop(self, experiment: Experiment, stopped_on: date) -> None:
        self._append({"event": STOPPED, "experiment_id": experiment.experiment_id,
                      "stopped_on": stopped_on.isoformat()})
        experiment.stopped_on = stopped_on

    def _append(self, record: dict) -> None:
        append_line(self.path, json.dumps(record, ensure_ascii=False))


def _apply(record, experiments: dict[str, Experiment]) -> None:
    """One event into the experiments read so far; ValueError (in words) for one that does not fit."""
    if not isinstance(record, dict):
        raise ValueError("it is not an event of an experiment")  # noqa: TRY004 (read back: said in words)
    kind, experiment_id = record["event"], record["experiment_id"]
    if kind == STARTED:
        if record["change"] not in CHANGES:
            raise ValueError(f"{record['change']!r} is not a change this course knows")
        experiments[experiment_id] = Experiment(experiment_id, record["change"], Schedule.from_list(record["schedule"]),
                                                date.fromisoformat(record["started_on"]))
        return
    experiment = experiments.get(experiment_id)
    if experiment is None:
        raise ValueError("it belongs to an experiment whose start is missing")
    if kind == RUN:
        if record["run_number"] != len(experiment.runs) + 1 or not experiment.going:
            raise ValueError(f"run {record['run_number']} does not follow the runs before it")
        experiment.runs.append(str(record["entry_id"]))
    elif kind == STOPPED:
        experiment.stopped_on = date.fromisoformat(record["stopped_on"])
    else:
        raise ValueError(f"{kind!r} is not an event of an experiment")
