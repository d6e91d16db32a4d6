"""The runner's saved self-check answers: one small JSON file in a per-user data folder.

Writes are atomic (a temporary file in the same folder, flushed to disk, then renamed over the old one),
so a crash leaves either the old file or the new one, never half of each. A file that cannot be read is
set aside under a new name rather than overwritten, and the message says where it went.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from upperback.models.course.warning_signs import SIGNS_BY_KEY, TIERS, DoctorCheck
from upperback.storage.files import data_dir, only_one_writer, plain_error, private_folder, write_atomically

ANSWERS_FILE = "answers.json"
FORMAT = 1
DOCTOR_CHECK = "doctor_check"  # the document's field for the runner's word that a doctor has checked them


@dataclass
class Loaded:
    lessons: dict[str, dict]  # lesson -> {"answers": {question key: option key}, "saved_at": ISO time, …}
    notices: list[str] = field(default_factory=list)  # things the runner should be told, in plain words
    document: dict = field(default_factory=dict)  # the whole file as read, fields of newer versions included
    readable: bool = True  # False: the folder or file could not be read, so saving could lose data

    def answers(self, lesson: str) -> dict[str, str]:
        return self.lessons.get(lesson, {}).get("answers", {})

    def all_answers(self) -> dict[str, dict[str, str]]:
        return {lesson: self.answers(lesson) for lesson in self.lessons}

    @property
    def doctor_check(self) -> DoctorCheck | None:
        """The runner's word that a doctor has checked them (lesson 00's warning signs), if given and readable."""
        saved = self.document.get(DOCTOR_CHECK)
        try:
            return DoctorCheck(date.fromisoformat(saved["on"]),
                               tuple(tier for tier in TIERS if tier in saved["tiers"]),
                               tuple(sign for sign in SIGNS_BY_KEY if sign in saved.get("signs", ())))
        except (TypeError, KeyError, ValueError):  # none saved, or not in a shape this course writes
            return None


class AnswerStore:
    """Self-check answers by lesson, kept in ``<folder>/answers.json``."""

    def __init__(self, folder: Path | str | None = None):
        self.folder = Path(folder) if folder is not None else data_dir()
        self.path = self.folder / ANSWERS_FILE

    def load(self) -> Loaded:
        try:
            if not self.path.exists():
                return Loaded({})
        except OSError as problem:  # the folder itself cannot be looked into
            notice = (f"Your data folder {self.folder} cannot be read ({plain_error(problem)}), so your saved "
                      "answers cannot be shown, and nothing will be saved over them.")
            return Loaded({}, [notice], readable=False)
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as problem:
            why = "it is nested too deeply to be an answers file" if isinstance(problem, RecursionError) else (
                f"it could not be read ({plain_error(problem)})")
            return Loaded({}, [self._set_aside(why)])
        lessons, bad = _valid_lessons(document)
        kept = document if isinstance(document, dict) and bad != NOT_OURS else {}
        notices = [self._set_aside(bad, copy=True)] if bad else []
        if isinstance(kept.get("format"), int) and kept["format"] > FORMAT:
            notices.append(self._set_aside("it was written by a newer version of the course", copy=True,
                                           quiet=True))
        return Loaded(lessons, notices, kept)

    def answers(self, lesson: str) -> dict[str, str]:
        return self.load().answers(lesson)

    def doctor_check(self) -> DoctorCheck | None:
        """The runner's word that a doctor has checked them, or None, also when the answers file cannot be used
        (the self-checks and the plan say why)."""
        try:
            return self.load().doctor_check
        except AnswersFileError:
            return None

    def save(self, lesson: str, answers: dict[str, str]) -> list[str]:
        """Save one lesson's answers, keeping every other lesson's and any field a newer version wrote.
        Returns notices for the runner; raises AnswersFileError when saving could lose data."""
        def with_answers(lessons: dict, document: dict, saved_at: str) -> dict:
            lessons[lesson] = {**lessons.get(lesson, {}), "answers": dict(answers), "saved_at": saved_at}
            return document
        return self._rewrite(with_answers)

    def save_doctor_check(self, check: DoctorCheck) -> list[str]:
        """Keep the date a doctor checked the runner and the tiers of warning sign they were checked for."""
        def with_check(_lessons: dict, document: dict, saved_at: str) -> dict:
            return {**document, DOCTOR_CHECK: {"on": check.on.isoformat(), "tiers": list(check.tiers),
                                               "signs": list(check.signs), "saved_at": saved_at}}
        return self._rewrite(with_check)

    def _rewrite(self, change) -> list[str]:
        """Read, change and write the file under the lock; ``change(lessons, document, saved_at)`` edits the
        lessons in place and returns the document's other fields."""
        private_folder(self.folder)
        with only_one_writer(self.folder / ".answers.lock"):  # two open lessons may save at once
            loaded = self.load()
            if not loaded.readable:
                raise AnswersFileError(loaded.notices[0])
            saved_at = datetime.now(UTC).isoformat(timespec="seconds")
            lessons = dict(loaded.lessons)  # damaged entries stay only in the copy set aside
            document = change(lessons, dict(loaded.document), saved_at)
            document = {**document, "format": max(FORMAT, _format_of(loaded.document)), "lessons": lessons}
            write_atomically(self.path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return loaded.notices

    def _set_aside(self, why: str, copy: bool = False, quiet: bool = False) -> str:
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
        if quiet:
            return f"Your saved answers at {self.path}: {why}; a copy of the file as it was is kept as {aside}."
        kept = "The answers that could be read are kept; " if copy else ""
        return (f"Your saved answers at {self.path} could not all be used: {why}. {kept}"
                f"the original file is kept as {aside}.")


class AnswersFileError(RuntimeError):
    """The answers file is unusable and could not be set aside: saving would lose data."""


NOT_OURS = "it is not an answers file this course wrote"


def _valid_lessons(document) -> tuple[dict[str, dict], str | None]:
    """The lessons whose entries have the expected shape (whole, with any newer fields), and what was wrong
    with the others (or None)."""
    if not isinstance(document, dict) or not isinstance(document.get("lessons"), dict):
        return {}, NOT_OURS
    kept, dropped = {}, []
    for lesson, entry in document["lessons"].items():
        answers = entry.get("answers") if isinstance(entry, dict) else None
        if isinstance(answers, dict) and all(isinstance(v, str) for v in answers.values()):
            kept[lesson] = entry
        else:
            dropped.append(lesson)
    return kept, (f"the entry for {', '.join(dropped)} is damaged" if dropped else None)


def _format_of(document: dict) -> int:
    found = document.get("format")
    return found if isinstance(found, int) and not isinstance(found, bool) else FORMAT
