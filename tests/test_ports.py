"""The ports of the servers the local class (`make class`) and the tests start: below the system's range of
free ports, where no kernel's port can land first (upperback/delivery/ports.py)."""

import socket
from types import SimpleNamespace

import pytest

from upperback.delivery.ports import (
    LOWEST,
    LearnerPorts,
    free_port,
    free_port_in,
    is_free,
    system_range_start,
)

ROOM_BELOW = system_range_start() > LOWEST + 1000  # a machine may set its range to start lower (1024, say)


def band_of_free_ports(size: int) -> int:
    return next(port for port in range(LOWEST, 65536 - size, size) if all(is_free(port + k) for k in range(size)))


def spawner(learner: str, server: str = "", port: int = 0) -> SimpleNamespace:
    """What the hook reads and writes of a JupyterHub spawner."""
    return SimpleNamespace(user=SimpleNamespace(name=learner), name=server, port=port)


@pytest.mark.skipif(not ROOM_BELOW, reason="this machine's range of free ports leaves no room below it")
def test_each_learner_gets_a_port_of_their_own_below_the_systems_range_and_so_does_each_server():
    ports = LearnerPorts()
    learners = [spawner(f"runner{number}") for number in range(40)]
    for learner in learners:
        ports(learner)
    given = {learner.port for learner in learners}
    assert len(given) == 40 and all(LOWEST <= port < system_range_start() for port in given), given
    servers = [free_port() for _ in range(40)]
    assert len(set(servers)) == 40 and all(LOWEST <= port < system_range_start() for port in servers)


def test_no_two_servers_share_a_port_and_one_in_use_is_never_given():
    start = band_of_free_ports(4)
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", start + 1))
        listening.listen()
        ports = LearnerPorts(start, start + 4)
        first, named = spawner("runner0"), spawner("runner0", "second")  # a learner's second, named server
        third = spawner("runner1")
        for server in (first, named, third):
            ports(server)
        assert sorted([first.port, named.port, third.port]) == [start, start + 2, start + 3]
        restarted = spawner("runner1", port=third.port)
        ports(restarted)
        assert restarted.port == third.port, "its own port back: the only one not given to another server"
        stale = spawner("runner2", port=start + 1)  # a Spawner kept from an earlier start, with its old port
        ports(stale)
        assert stale.port == 0, "the band is full: JupyterHub picks, not the old port"


def test_a_machine_with_no_room_below_its_range_gets_the_systems_own_pick(monkeypatch):
    real_start = system_range_start()
    monkeypatch.setattr("upperback.delivery.ports.system_range_start", lambda: LOWEST)  # no room below it
    assert free_port() >= real_start
    assert free_port_in(range(LOWEST, LOWEST)) == 0


@pytest.mark.parametrize("text, start", [("40000\t60999\n", 40000), (None, 32768), ("\n", 32768), ("many", 32768)],
                         ids=["read", "missing", "empty", "not a number"])
def test_the_systems_range_is_read_and_a_missing_or_odd_setting_means_linuxs_default(tmp_path, text, start):
    setting = tmp_path / "ip_local_port_range"
    if text is not None:
        setting.write_text(text)
    assert system_range_start(setting) == start
