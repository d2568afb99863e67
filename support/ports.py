"""A free TCP port on loopback, for the servers the harness and its tests start (mock banks, browser servers)."""

from __future__ import annotations

import socket


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
