"""Ports for servers started on a chosen port: the local class's hub, proxy and learners' servers
(class/jupyterhub_config.py), and the servers the tests and benchmarks start.

The usual way, asking the system for any free port and letting it go for the server to bind a moment later,
races with every kernel: a kernel's ports are picked the same way, from the same range (on Linux,
net.ipv4.ip_local_port_range), so on a busy machine a kernel can take the port in between and the server
cannot start ("port ... is not available"; a hub then waits its whole timeout). Seen in the class test;
JupyterHub issue 3005. Ports below that range are never handed out that way: these servers get those.
"""

from __future__ import annotations

import random
import socket
from pathlib import Path

SYSTEM_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
LOWEST = 20000  # well above the ports services are registered on by habit (8000, 8888, 5432 ...)


def system_range_start(setting: Path = SYSTEM_RANGE) -> int:
    """Where the system's own choice of a free port starts (Linux's default 32768 elsewhere: macOS starts
    higher still)."""
    try:
        return int(setting.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port() -> int:
    """A port nobody listens on, between LOWEST and the system's range (the system's own pick, as before,
    where a machine's setting leaves no room below its range)."""
    port = free_port_in(range(LOWEST, system_range_start()))
    if port:
        return port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def free_port_in(band: range, taken: set[int] = frozenset()) -> int:
    """A port of ``band`` nobody listens on and not among ``taken`` (50 tries); 0 when none was found."""
    tries = [port for port in random.sample(band, min(len(band), 50)) if port not in taken]
    return next((port for port in tries if is_free(port)), 0)


def is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class LearnerPorts:
    """The hub's pre_spawn_hook: each learner's server a free port between LOWEST and the system's range, none
    given to two learners. Where that band is empty or full, 0: JupyterHub's own choice, as before."""

    def __init__(self, lowest: int = LOWEST, highest: int | None = None):
        self.band = range(lowest, (highest if highest is not None else system_range_start()))
        self.given: dict[tuple[str, str], int] = {}  # (learner, server name) -> port

    def __call__(self, spawner) -> None:
        spawner.port = self.port_for((spawner.user.name, spawner.name))

    def port_for(self, server: tuple[str, str]) -> int:
        self.given.pop(server, None)  # a learner's server started again may get any port
        port = free_port_in(self.band, set(self.given.values()))
        if port:
            self.given[server] = port
        return port
