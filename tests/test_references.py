"""The project carries its own sources: every key the code cites is in REFERENCES.md, every number in the
models names its source or says it is our own choice, and nothing points outside the repository."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REFERENCES = (ROOT / "REFERENCES.md").read_text(encoding="utf-8")
LISTED = set(re.findall(r"^\| ([A-Za-z]+\d{4}|[A-Z][A-Za-z]+) \|", REFERENCES, flags=re.MULTILINE)) - {"key"}
CITATION = re.compile(r"\[([A-Z][A-Za-z]+\d{4}|(?:NHS|NICE)[A-Za-z]+)\]")  # [Winter2009], [NHSBackPain]
OUR_OWN = ("our bound", "our choice", "assumption", "schematic")  # teaching decisions, said as such
SOURCES = sorted([*ROOT.glob("upperback/**/*.py"), *ROOT.glob("tests/*.py"), *ROOT.glob("tools/*.py"),
                  *ROOT.glob("benchmarks/*.py"), ROOT / "conftest.py"])
MODELS = sorted(ROOT.glob("upperback/models/**/*.py"))


def test_references_list_every_source_once_with_a_doi_or_an_address_where_there_is_one():
    rows = re.findall(r"^\| ([A-Za-z0-9]+) \| (.+?) \| (.+?) \|$", REFERENCES, flags=re.MULTILINE)[1:]
    keys = [key for key, _, _ in rows]
    assert len(keys) == len(set(keys)) >= 15
    books = {"West2020", "Hagg1991", "Gray2019", "Sinnott1984"}  # print only: cited by edition, chapter or page
    for key, reference, _ in rows:
        assert re.search(r"\(\d{4}\)", reference) or key.startswith(("NHS", "NICE")), key
        assert key in books or "https://" in reference, f"{key}: give a DOI or an address"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_key_the_code_cites_is_in_the_references(path):
    cited = set(CITATION.findall(path.read_text(encoding="utf-8")))
    assert cited <= LISTED, cited - LISTED


def _numeric(node) -> bool:
    return any(isinstance(n, ast.Constant) and type(n.value) in (int, float) for n in ast.walk(node))


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.name)
def test_every_number_in_the_models_names_its_source_or_says_it_is_ours(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    for node in ast.parse("\n".join(lines)).body:
        if not (isinstance(node, ast.Assign) and _numeric(node.value)) or isinstance(node.value, ast.Call):
            continue
        above = node.lineno - 2  # a comment speaks for the paragraph of constants under it
        while above >= 0 and lines[above].strip() and not lines[above].startswith(("def ", "class ", "@")):
            above -= 1
        said = "\n".join(lines[above + 1:node.end_lineno]).lower()
        assert CITATION.search("\n".join(lines[above + 1:node.end_lineno])) or any(w in said for w in OUR_OWN), (
            f"{path.name}:{node.lineno}: cite a key from REFERENCES.md or say it is our own choice")


def test_nothing_in_the_repository_points_outside_it():
    tracked = [p for p in ROOT.rglob("*") if p.is_file() and p.suffix in {".py", ".md", ".ipynb", ".toml", ".txt"}
               and not any(part.startswith(".") or part in {"test-artifacts", "handouts", "build"}
                           for part in p.relative_to(ROOT).parts)]
    for path in tracked:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"\.\./shared|FACTS\.md|DESIGN\.md|TOOLING\.md", text), path
