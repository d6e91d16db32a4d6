"""The README stays true for a newcomer: its commands exist, and CI runs the same test command."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
MAKE_TARGETS = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(), flags=re.MULTILINE))


def test_every_make_command_in_the_readme_exists():
    commands = set(re.findall(r"make ([a-z-]+)", README))
    assert {"lab", "test"} <= commands
    assert commands <= MAKE_TARGETS, commands - MAKE_TARGETS


def test_ci_runs_the_readmes_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, flags=re.MULTILINE)


def test_every_local_link_in_the_readme_resolves():
    for target in re.findall(r"\]\(([^)#:]+)\)", README):
        assert (ROOT / target).exists(), target


def test_make_lab_turns_off_jupyterlabs_news_and_update_check():
    makefile = (ROOT / "Makefile").read_text()
    import json

    written = json.loads(re.search(r"printf '%s\\n' '(\{.*\})'", makefile)[1])
    assert written == {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false",
                                                                       "checkForUpdates": False}}
    assert "$(LAB_OVERRIDES)" in makefile and "share/jupyter/lab/settings/overrides.json" in makefile
    lab = re.search(r"^lab:.*\n\t(.*)", makefile, flags=re.MULTILINE)[1]
    assert "--LabApp.news_url=None" in lab
