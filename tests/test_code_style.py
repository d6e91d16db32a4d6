import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_code_passes_ruff():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT, check=False,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_make_the_tests_start_runs_on_the_python_running_them():
    """A test never changes its own environment: a bare `make` would rebuild .venv for `python3`."""
    for path in [ROOT / "conftest.py", *sorted((ROOT / "tests").glob("*.py")),
                 *sorted((ROOT / "harness").glob("*.py")), *sorted((ROOT / "benchmarks").glob("*.py"))]:
        for call in re.findall(r'\[\s*"make",[^\]]*\]', path.read_text(encoding="utf-8")):
            assert "PYTHON=" in call, f"{path.name}: {call}"


def test_tests_and_benchmarks_share_the_harness_package_with_no_path_tricks():
    """One harness (harness/) for tests and benchmarks, imported by its name: pytest puts the project's root on
    the path (pyproject), the benchmarks run as modules. Nothing edits the import path, and no test imports
    another."""
    path_edit = re.compile(r"sys\.path\.(insert|append)")
    for folder in ("tests", "harness", "benchmarks", "tools"):
        for path in sorted((ROOT / folder).glob("*.py")):
            text = path.read_text(encoding="utf-8")
            assert not path_edit.search(text), f"{folder}/{path.name} edits the import path"
            assert not re.search(r"^\s*(from|import) (test_|conftest)", text, re.MULTILINE), f"{folder}/{path.name}"
