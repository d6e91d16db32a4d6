"""The runner's files on disk, shared by every store: where they live, atomic writes, a private folder, one
writer at a time, and an OS error in a few words.

Writes are atomic (a temporary file in the same folder, flushed to disk, then renamed over the old one),
so a crash leaves either the old file or the new one, never half of each.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import platformdirs

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

DATA_DIR_VARIABLE = "UPPERBACK_DATA_DIR"  # tests and workshops point this at a folder of their own

def data_dir() -> Path:
    """The folder for the runner's own files: $UPPERBACK_DATA_DIR, else the platform's user data folder."""
    chosen = os.environ.get(DATA_DIR_VARIABLE)
    return Path(chosen) if chosen else Path(platformdirs.user_data_dir("upperback", appauthor=False))


def private_folder(folder: Path) -> None:
    """Create the folder if needed, readable by its owner only (POSIX): answers and logs are a health diary. A
    folder shared by design (sticky, as /tmp, or another user's: chmod would fail, and every save with it) is
    left as it is; the files in it are still 0600."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    status = folder.stat()
    shared = status.st_mode & stat.S_ISVTX or (hasattr(os, "getuid") and status.st_uid != os.getuid())
    if status.st_mode & 0o077 and not shared:
        folder.chmod(0o700)


@contextmanager
def only_one_writer(lock_path: Path):
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


STALE_AFTER_S = 60  # our choice: a temporary file this old is left from an interrupted save, not a live one


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step; the file is readable by its owner only (mkstemp's 0600).
    Temporary files left by earlier interrupted saves of the same file are cleared first."""
    _clear_stale_temporaries(path)
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


def _clear_stale_temporaries(path: Path) -> None:
    now = time.time()
    try:
        for leftover in path.parent.glob(f".{path.name}.*.tmp"):
            if now - leftover.stat().st_mtime > STALE_AFTER_S:
                leftover.unlink(missing_ok=True)
    except OSError:
        pass  # tidying up is a courtesy: it must never stop a save


def append_line(path: Path, text: str) -> None:
    """Add one line to a file that is only ever appended to, flushed to disk, readable by its owner only.
    A cut-off last line left by a crash stays on its own line, so it cannot spoil this one; raises OSError
    when the disk refuses, and the file is then as it was or has a cut-off last line the next read skips."""
    private_folder(path.parent)
    line = (text + "\n").encode("utf-8")
    if _ends_mid_line(path):
        line = b"\n" + line
    handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(handle, "ab") as file:
        os.fchmod(file.fileno(), 0o600)  # also for a file made before this version, or by hand
        file.write(line)
        file.flush()
        os.fsync(file.fileno())


def _ends_mid_line(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return False
    with path.open("rb") as file:
        file.seek(-1, os.SEEK_END)
        return file.read(1) != b"\n"
