"""Ports for the learners' servers of a class on one machine (class/jupyterhub_config.py).

JupyterHub picks a learner's port by asking the system for any free port, lets it go, and the learner's
server binds it a moment later. Every kernel's ports are picked the same way, from the same range (on Linux,
net.ipv4.ip_local_port_range), so on a busy machine a kernel can take the port in between and the learner's
server cannot start ("port ... is not available"; the hub then waits its whole timeout). Seen in the class
test; JupyterHub issue 3005. Ports below that range are never handed out that way: learners get those.
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
        taken = set(self.given.values())
        tries = [port for port in random.sample(self.band, min(len(self.band), 50)) if port not in taken]
        port = next((port for port in tries if is_free(port)), 0)
        if port:
            self.given[server] = port
        return port
