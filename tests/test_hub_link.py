"""The class link (`make hub-link`): nbgitpuller's link form, for JupyterLab and for the app; and the ports
the local class (`make class`) gives its learners' servers."""

import socket
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest

from upperback.delivery.class_links import LESSON_00, class_links, main
from upperback.delivery.ports import LOWEST, LearnerPorts, free_port, is_free, system_range_start

REPO = "https://github.com/coach/upperback-course"


def test_each_link_pulls_the_course_and_opens_lesson_00_in_its_view():
    links = class_links("https://hub.example.org/", REPO)
    for view, prefix in (("JupyterLab", "lab/tree"), ("app", "voila/render")):
        parts = urlsplit(links[view])
        assert parts.netloc == "hub.example.org" and parts.path == "/hub/user-redirect/git-pull"
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        assert query == {"repo": REPO, "branch": "main", "targetpath": "upperback-course",
                         "urlpath": f"{prefix}/upperback-course/{LESSON_00}"}


@pytest.mark.parametrize("hub, repository", [("hub.example.org", REPO), ("https://hub.example.org", "upperback")])
def test_an_address_that_is_not_one_is_refused_in_words(hub, repository):
    with pytest.raises(ValueError, match="must start with https://"):
        class_links(hub, repository)


def test_the_command_says_what_is_missing(capsys):
    assert main(["https://hub.example.org", ""]) == 2
    assert "REPO=" in capsys.readouterr().err
    assert main([]) == 2
    assert "HUB=" in capsys.readouterr().err
    assert main(["https://hub.example.org", REPO]) == 0
    assert class_links("https://hub.example.org", REPO)["app"] in capsys.readouterr().out


def learner(name: str) -> SimpleNamespace:
    """What the hook reads and writes of a JupyterHub spawner."""
    return SimpleNamespace(user=SimpleNamespace(name=name), name="", port=0)


def test_each_learner_gets_a_free_port_of_their_own_below_the_systems_range():
    ports = LearnerPorts()
    learners = [learner(f"runner{number}") for number in range(40)]
    for spawner in learners:
        ports(spawner)
    given = [spawner.port for spawner in learners]
    assert len(set(given)) == 40 and all(LOWEST <= port < system_range_start() for port in given), given
    assert all(is_free(port) for port in given)
    started_again = learner("runner0")
    for _ in range(10):  # a learner's server started again never takes another learner's port
        ports(started_again)
        assert started_again.port not in given[1:]


def band_of_free_ports(size: int) -> int:
    return next(port for port in range(LOWEST, 32768, size) if all(is_free(port + k) for k in range(size)))


def test_a_port_in_use_is_never_given_and_a_full_band_leaves_the_choice_to_jupyterhub():
    start = band_of_free_ports(3)
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", start + 1))
        listening.listen()
        ports = LearnerPorts(start, start + 3)
        assert {ports.port_for((f"runner{number}", "")) for number in range(2)} == {start, start + 2}
        assert ports.port_for(("runner2", "")) == 0, "all three taken: JupyterHub picks, as without the hook"


def test_a_server_port_is_free_and_below_the_systems_range_unless_there_is_no_room(monkeypatch):
    assert all(LOWEST <= free_port() < system_range_start() for _ in range(20))
    monkeypatch.setattr("upperback.delivery.ports.system_range_start", lambda: LOWEST)  # a range from 20000 down
    port = free_port()
    assert port >= LOWEST and is_free(port), "the system's own pick, as before"


@pytest.mark.parametrize("text, start", [("40000\t60999\n", 40000), ("", 32768), ("many", 32768)])
def test_the_systems_range_is_read_and_a_missing_or_odd_setting_means_linuxs_default(tmp_path, text, start):
    setting = tmp_path / "ip_local_port_range"
    if text:
        setting.write_text(text)
    assert system_range_start(setting) == start
