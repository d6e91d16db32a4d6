"""Ports for servers started on a chosen port: the local class's hub, proxy and learners' servers
(class/jupyterhub_config.py), and the servers the tests and benchmarks start.

The usual way, asking the system for any free port and letting it go for the server to bind a moment later,
races with every kernel: a kernel's ports are picked the same way, from the same range (on Linux,
net.ipv4.ip_local_port_range), so on a busy machine a kernel can take the port in between and the server
cannot start ("port ... is not available"; a hub then waits its whole timeout). Seen in the class test;
JupyterHub issue 3005. Ports below that range are never handed out that way: these servers get those. One
process never hands out a port twice; two processes picking the same port of the band within the same
moment remain possible (about one chance in ten thousand a pair of picks).
"""

from __future__ import annotations

import random
import socket
from collections.abc import Set as AbstractSet
from pathlib import Path

SYSTEM_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
LOWEST = 20000  # above the ports services commonly use (8000, 8888, 5432 ...); one in use is skipped (is_free)
_HANDED_OUT: set[int] = set()  # by free_port, in this process: a server may not have bound its port yet


def system_range_start(setting: Path = SYSTEM_RANGE) -> int:
    """Where the system's own choice of a free port starts (Linux's default 32768 elsewhere: macOS starts
    higher still)."""
    try:
        return int(setting.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port(taken: AbstractSet[int] = frozenset()) -> int:
    """A port nobody listens on, between LOWEST and the system's range, never handed out before by this process
    nor among ``taken``; the system's own pick, as before, where a machine's setting leaves no room below its
    range."""
    port = free_port_in(range(LOWEST, system_range_start()), _HANDED_OUT | taken)
    if not port:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    _HANDED_OUT.add(port)
    return port


def free_port_in(band: range, taken: AbstractSet[int] = frozenset()) -> int:
    """A port of ``band`` nobody listens on and not among ``taken`` (50 tries); 0 when none was found."""
    tries = [port for port in random.sample(band, min(len(band), 50)) if port not in taken]
    return next((port for port in tries if is_free(port)), 0)


def is_free(port: int) -> bool:
    """Bindable on loopback now (a port still in TIME_WAIT counts as taken: the safe side)."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class LearnerPorts:
    """The hub's pre_spawn_hook: each learner's server a free port between LOWEST and the system's range, none
    given to two learners' servers. Where that band is empty or full, 0: JupyterHub's own choice, as before."""

    def __init__(self, lowest: int = LOWEST, highest: int | None = None):
        self.band = range(lowest, (highest if highest is not None else system_range_start()))
        self.given: dict[tuple[str, str], int] = {}  # (learner, server name) -> port

    def __call__(self, spawner) -> None:
        # 0 too: JupyterHub keeps a learner's Spawner between starts, and the port of its last start (given
        # since to somebody else) would be used again
        spawner.port = self.port_for((spawner.user.name, spawner.name))

    def port_for(self, server: tuple[str, str]) -> int:
        self.given.pop(server, None)  # a server started again may have its own port back, or any free one
        port = free_port_in(self.band, set(self.given.values()))
        if port:
            self.given[server] = port
        return port
