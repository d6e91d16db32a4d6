"""The runner's saved self-check answers: one small JSON file in a per-user data folder.

Writes are atomic (a temporary file in the same folder, flushed to disk, then renamed over the old one),
so a crash leaves either the old file or the new one, never half of each. A file that cannot be read is
set aside under a new name rather than overwritten, and the message says where it went.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

DATA_DIR_VARIABLE = "UPPERBACK_DATA_DIR"  # tests and workshops point this at a folder of their own
ANSWERS_FILE = "answers.json"
FORMAT = 1


def data_dir() -> Path:
    """The folder for the runner's own files: $UPPERBACK_DATA_DIR, else the platform's user data folder."""
    chosen = os.environ.get(DATA_DIR_VARIABLE)
    return Path(chosen) if chosen else Path(platformdirs.user_data_dir("upperback", appauthor=False))


@dataclass
class Loaded:
    lessons: dict[str, dict]  # lesson -> {"answers": {question key: option key}, "saved_at": ISO time}
    notices: list[str] = field(default_factory=list)  # things the runner should be told, in plain words

    def answers(self, lesson: str) -> dict[str, str]:
        return self.lessons.get(lesson, {}).get("answers", {})

    def all_answers(self) -> dict[str, dict[str, str]]:
        return {lesson: self.answers(lesson) for lesson in self.lessons}


class AnswerStore:
    """Self-check answers by lesson, kept in ``<folder>/answers.json``."""

    def __init__(self, folder: Path | str | None = None):
        self.folder = Path(folder) if folder is not None else data_dir()
        self.path = self.folder / ANSWERS_FILE

    def load(self) -> Loaded:
        if not self.path.exists():
            return Loaded({})
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as problem:
            return Loaded({}, [self._set_aside(f"it could not be read ({plain_error(problem)})")])
        lessons, bad = _valid_lessons(document)
        if bad is None:
            return Loaded(lessons)
        return Loaded(lessons, [self._set_aside(bad, copy=True)])

    def answers(self, lesson: str) -> dict[str, str]:
        return self.load().answers(lesson)

    def save(self, lesson: str, answers: dict[str, str]) -> list[str]:
        """Save one lesson's answers, keeping every other lesson's. Returns notices for the runner."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with _only_one_writer(self.folder / ".answers.lock"):  # two open lessons may save at once
            loaded = self.load()
            saved_at = datetime.now(UTC).isoformat(timespec="seconds")
            lessons = {**loaded.lessons, lesson: {"answers": dict(answers), "saved_at": saved_at}}
            document = {"format": FORMAT, "lessons": lessons}
            write_atomically(self.path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return loaded.notices

    def _set_aside(self, why: str, copy: bool = False) -> str:
        """Move (or, when some of it was usable, copy) the file aside so nothing in it is lost.

        A copy is named after its content, so reading the same damaged file again (every lesson that opens
        reads it) keeps one copy rather than piling up new ones."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        aside = self.path.with_name(f"answers.unreadable-{stamp}.json")
        try:
            if copy:
                content = self.path.read_bytes()
                aside = self.path.with_name(f"answers.unreadable-{hashlib.sha256(content).hexdigest()[:12]}.json")
                if not aside.exists():
                    aside.write_bytes(content)
            else:
                self.path.replace(aside)
        except OSError as problem:
            raise AnswersFileError(
                f"Your saved answers at {self.path} could not be used: {why}, and setting the file "
                f"aside failed ({plain_error(problem)}). Nothing was changed; move the file yourself and "
                "try again."
            ) from problem
        kept = "The answers that could be read are kept; " if copy else ""
        return (f"Your saved answers at {self.path} could not all be used: {why}. {kept}"
                f"the original file is kept as {aside}.")


class AnswersFileError(RuntimeError):
    """The answers file is unusable and could not be set aside: saving would lose data."""


def _valid_lessons(document) -> tuple[dict[str, dict], str | None]:
    """The lessons whose entries have the expected shape, and what was wrong with the others (or None)."""
    if not isinstance(document, dict) or not isinstance(document.get("lessons"), dict):
        return {}, "it is not an answers file this course wrote"
    kept, dropped = {}, []
    for lesson, entry in document["lessons"].items():
        answers = entry.get("answers") if isinstance(entry, dict) else None
        if isinstance(answers, dict) and all(isinstance(v, str) for v in answers.values()):
            kept[lesson] = {"answers": answers, "saved_at": entry.get("saved_at")}
        else:
            dropped.append(lesson)
    return kept, (f"the entry for {', '.join(dropped)} is damaged" if dropped else None)


@contextmanager
def _only_one_writer(lock_path: Path):
    """Hold an exclusive lock while reading and rewriting the file (POSIX; elsewhere the save is unlocked)."""
    if fcntl is None:
        yield
        return
    with lock_path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def plain_error(problem: Exception) -> str:
    """An OS error in a few words (its strerror), for messages to the runner."""
    return getattr(problem, "strerror", None) or problem.__class__.__name__
