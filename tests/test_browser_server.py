"""Browsers on another machine: scenarios pass through a Playwright browser server, and a wrong URL says so once.

The server runs in a network namespace of its own when the machine allows it (root and iproute2), so that its
Chromium cannot reach the worker's loopback at all: the mock bank is reached only through Playwright's
expose-network, as from a browser on another machine. Elsewhere it runs as a separate process on loopback.
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.ports import free_port

ROOT = Path(__file__).resolve().parents[1]
_namespaces = itertools.count()
# The eight steps with the camera, and one photo the bank must refuse: both through the remote camera stream.
SCENARIOS = "8단계대로 or 흐린"


def run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)


class Namespace:
    """A network namespace joined to this one by a veth pair: the server's host is its end of the pair."""

    def __init__(self) -> None:
        tag = (os.getpid() * 7 + next(_namespaces)) % 200 + 20  # apart from other runs' and each other
        self.name, self.host = f"kbbrowser{tag}", f"10.233.{tag}.2"
        self.outer, self.inner = f"kbv{tag}a", f"kbv{tag}b"

    def __enter__(self) -> Namespace:
        tag = self.host.split(".")[2]
        run("ip", "netns", "add", self.name)
        run("ip", "link", "add", self.outer, "type", "veth", "peer", "name", self.inner)
        run("ip", "link", "set", self.inner, "netns", self.name)
        run("ip", "addr", "add", f"10.233.{tag}.1/30", "dev", self.outer)
        run("ip", "link", "set", self.outer, "up")
        for command in (["addr", "add", f"{self.host}/30", "dev", self.inner], ["link", "set", self.inner, "up"],
                        ["link", "set", "lo", "up"]):
            run("ip", "netns", "exec", self.name, "ip", *command)
        return self

    def __exit__(self, *_: object) -> None:
        subprocess.run(["ip", "link", "delete", self.outer], capture_output=True)
        subprocess.run(["ip", "netns", "delete", self.name], capture_output=True)


def namespaces_work() -> bool:
    return os.geteuid() == 0 and shutil.which("ip") is not None


def wait_for_port(host: str, port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, "the browser server exited"
        try:
            socket.create_connection((host, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)  # polling a port that is not open yet; nothing to wait on instead
    raise AssertionError(f"the browser server did not listen on {host}:{port}")


@pytest.fixture(scope="module")
def browser_server() -> Iterator[tuple[str, bool]]:
    """ws:// URL of a browser server, and whether it is cut off from this machine's loopback."""
    port = free_port()
    with Namespace() if namespaces_work() else _NoNamespace() as namespace:
        prefix = ["ip", "netns", "exec", namespace.name] if namespace.name else []
        # A session of its own: `ip netns exec` and Playwright's Python wrapper each start a child (node), which
        # a terminate of the first process alone left running after the tests.
        server = subprocess.Popen([*prefix, sys.executable, "-m", "playwright", "run-server", "--port", str(port),
                                   "--host", namespace.host, "--unsafe"], stdout=subprocess.DEVNULL,
                                  start_new_session=True)
        try:
            wait_for_port(namespace.host, port, server)
            yield f"ws://{namespace.host}:{port}/", bool(namespace.name)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


class _NoNamespace:
    name, host = "", "127.0.0.1"

    def __enter__(self) -> _NoNamespace:
        return self

    def __exit__(self, *_: object) -> None:
        return None


def pytest_run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pytest", "steps", "-p", "no:cacheprovider", "-q", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_the_issuance_with_the_camera_passes_in_a_browser_on_another_machine(browser_server: tuple[str, bool]) -> None:
    url, isolated = browser_server
    done = pytest_run("-n", "2", "-k", SCENARIOS, "--browser-server", url)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "2 passed" in done.stdout, done.stdout[-1000:]
    if not isolated:
        pytest.skip("passed, but the server shared this machine's loopback (no root or no iproute2 here)")


def test_the_browser_in_its_namespace_cannot_reach_the_workers_loopback_by_itself() -> None:
    """What makes the test above mean 'another machine': without expose-network, the bank is out of reach."""
    if not namespaces_work():
        pytest.skip("needs root and iproute2 for a network namespace")
    with socket.socket() as listener, Namespace() as namespace:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        probe = subprocess.run(["ip", "netns", "exec", namespace.name, sys.executable, "-c",
                                f"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=2)"],
                               capture_output=True, text=True)
    assert probe.returncode != 0 and "Connection refused" in probe.stderr


def test_a_wrong_browser_server_is_one_clear_error_before_any_scenario() -> None:
    started = time.monotonic()
    done = pytest_run("-n", "2", "--browser-server", f"ws://127.0.0.1:{free_port()}/")
    assert done.returncode != 0
    assert "does not answer" in done.stdout + done.stderr
    assert "passed" not in done.stdout and "failed" not in done.stdout
    assert time.monotonic() - started < 60
