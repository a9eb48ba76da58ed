"""Sockets of the user's that a graded process could reach (the thirty-seventh round).

A listener of the app's process stands in for the user's own programs: an abstract unix socket
(D-Bus and X11 listen on some), a unix socket at a path (an ssh agent, tmux's server, Docker's
socket: whatever connects there can sign with your keys or type into your shell) and a UDP port
on the loopback. With seccomp no socket is made at all, in every mode. Without it (no
libseccomp) bubblewrap's private network namespace and mounts keep all three out of reach, and
Landlock (ABI 6, Linux 6.12) the abstract one; Landlock covers neither a path socket's connect
nor UDP, which is what that mode leaves open (the README says so): the audit hooks then refuse
`socket`'s import, and only code that writes its own memory gets past them.
"""

from __future__ import annotations

import ctypes
import os
import select
import socket
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, WorkerPool
from tests.sandbox.conftest import skip_unless_bwrap_for
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import LIVE_POOLS, shown

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: what is tested is each layer's refusal, not the deadline."""


class Listeners:
    """An abstract unix socket, a unix socket at a path and a UDP port, all of this process."""

    def __init__(self, folder: Path) -> None:
        self.abstract = b"\0drillbit-test-" + os.urandom(8).hex().encode()
        self.path = str(folder / "agent.sock")
        self._unix = []
        for address in (self.abstract, self.path):
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            listener.bind(address)
            listener.listen(4)
            self._unix.append(listener)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.port = self.udp.getsockname()[1]

    def datagram_came(self) -> bool:
        """Whether a datagram reached the UDP port (the sender is gone by now: a wait for a
        datagram already sent, which a refused send never ends early)."""
        ready, _, _ = select.select([self.udp], [], [], 5.0)
        return bool(ready) and self.udp.recv(64) == b"drillbit"

    def close(self) -> None:
        for listener in [*self._unix, self.udp]:
            listener.close()


@pytest.fixture
def listeners(tmp_path: Path) -> Iterator[Listeners]:
    found = Listeners(tmp_path)
    yield found
    found.close()


def _reacher(found: Listeners) -> str:
    """A submission that tries each listener and raises with what it got (errno or 'reached')."""
    return textwrap.dedent(f"""
        import socket

        def double(x):
            got = []
            for family, kind, address in (
                (socket.AF_UNIX, socket.SOCK_STREAM, {found.abstract!r}),
                (socket.AF_UNIX, socket.SOCK_STREAM, {found.path!r}),
                (socket.AF_INET, socket.SOCK_DGRAM, ("127.0.0.1", {found.port})),
            ):
                try:
                    with socket.socket(family, kind) as sock:
                        if kind == socket.SOCK_DGRAM:
                            sock.sendto(b"drillbit", address)
                        else:
                            sock.connect(address)
                    got.append("reached")
                except OSError as exc:
                    got.append(f"errno {{exc.errno}}")
            raise ValueError("got " + " ".join(got))
    """)


def _results(pool: WorkerPool, found: Listeners) -> tuple[str, str, str]:
    message = shown(grade(PATIENT, _reacher(found), seed=1, pool=pool))
    assert "ValueError: got " in message, message
    words = message.split("ValueError: got ")[1].split("\n")[0].split(" || ")[0].split()
    parts = [w for w in words if w != "errno"]
    assert len(parts) == 3, message
    return parts[0], parts[1], parts[2]


def test_with_seccomp_no_socket_is_made(
    mode_pool: tuple[str, WorkerPool], listeners: Listeners
) -> None:
    """Without the audit hooks, in each mode: the kernel refuses `socket` itself (EPERM)."""
    assert _results(mode_pool[1], listeners) == ("1", "1", "1")
    assert not listeners.datagram_came()


@pytest.fixture(scope="module", params=["bwrap", "landlock"])
def bare_pool(request: pytest.FixtureRequest) -> Iterator[tuple[str, WorkerPool]]:
    """No seccomp and no audit hooks: what holds is the file-system layer alone."""
    mode = request.param
    skip_unless_bwrap_for(mode)
    config = SandboxConfig(bwrap=mode == "bwrap", seccomp=False, audit_hooks=False)
    with WorkerPool(config, size=1) as pool:
        LIVE_POOLS.append(pool)
        yield mode, pool


def _landlock_abi() -> int:
    """The Landlock ABI this kernel offers (0: none), asked as the launcher asks it."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return max(0, int(libc.syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1))))


def test_without_seccomp_what_each_file_system_layer_keeps_out(
    bare_pool: tuple[str, WorkerPool], listeners: Listeners
) -> None:
    """bubblewrap: the abstract socket is another network namespace's (ECONNREFUSED), the
    path is not mounted (ENOENT), the datagram stays in the sandbox's own loopback. Landlock:
    the abstract socket is outside its scope (EPERM, ABI 6 on), but the path socket and UDP
    are reached: the hole the README names for that mode."""
    mode, pool = bare_pool
    abstract, path, udp = _results(pool, listeners)
    came = listeners.datagram_came()
    if mode == "bwrap":
        assert (abstract, path) == ("111", "2"), (abstract, path, udp)
        assert not came
    else:
        assert abstract == ("1" if _landlock_abi() >= 6 else "reached"), abstract
        assert (path, udp) == ("reached", "reached")  # still open: README, Landlock mode
        assert came
