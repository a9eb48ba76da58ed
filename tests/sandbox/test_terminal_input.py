"""No keystrokes pushed into a terminal: TIOCSTI and TIOCLINUX are refused by seccomp in every mode.

TIOCSTI puts characters into a terminal's input queue as if they were typed: the
program reading that terminal (the user's shell, or the app's own TUI) acts on them.
The child leads its own session with no controlling terminal, so the kernel allows it
on any terminal it opens that no session holds yet: the open makes that terminal its
own. Without a file system layer (seccomp alone), a terminal of the user's is one the
child can open. TIOCLINUX pastes a virtual console's selection the same way. The pools
run without the audit hooks: what is tested is the kernel's refusal.
"""

from __future__ import annotations

import os
import termios
import textwrap
from collections.abc import Iterator

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, syscall_number

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: what is tested is the kernel's refusal, not the deadline."""
TIOCSTI = 0x5412
TIOCLINUX = 0x541C


def _double(body: str) -> str:
    return (
        "import ctypes, fcntl, os\n\ndef double(x):\n"
        + textwrap.indent(textwrap.dedent(body).strip("\n"), "    ")
        + "\n    return 2 * x\n"
    )


REQUESTS: dict[str, str] = {
    "TIOCSTI": f"fcntl.ioctl(1, {TIOCSTI}, b'x')",
    "TIOCLINUX": f"fcntl.ioctl(1, {TIOCLINUX}, bytes([3]))",  # TIOCL_PASTESEL
    # the kernel reads the request as 32 bits: upper ones must not hide it from the filter
    "TIOCSTI-upper-bits": """
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall.restype = ctypes.c_long
        c = ctypes.c_char(b'x')
        args = [{ioctl}, 1, (1 << 32) | {request}, ctypes.addressof(c)]
        if libc.syscall(*[ctypes.c_long(a) for a in args]) < 0:
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
    """,
}


@pytest.mark.parametrize("request_name", list(REQUESTS))
def test_terminal_input_requests_are_refused(
    mode_pool: tuple[str, WorkerPool], request_name: str
) -> None:
    """Refused before the kernel looks at the descriptor (the child's stdout, a pipe: without
    the filter the answer is ENOTTY, 'Inappropriate ioctl for device')."""
    _, pool = mode_pool
    body = REQUESTS[request_name].format(ioctl=syscall_number("ioctl"), request=TIOCSTI)
    run_adversarial(pool, _double(body), Status.ERROR, "Operation not permitted", checker=PATIENT)


@pytest.fixture
def free_terminal() -> Iterator[tuple[str, int]]:
    """A terminal no session holds (a fresh pty): its path, and its end read from this side."""
    leader, follower = os.openpty()
    attrs = termios.tcgetattr(follower)
    attrs[3] &= ~(termios.ICANON | termios.ECHO)  # what is typed is readable at once
    termios.tcsetattr(follower, termios.TCSANOW, attrs)
    os.set_blocking(follower, False)
    yield os.ttyname(follower), follower
    os.close(follower)
    os.close(leader)


def test_no_keystrokes_reach_a_terminal_of_the_users(
    mode_pool: tuple[str, WorkerPool], free_terminal: tuple[str, int]
) -> None:
    """With seccomp alone the child opened the terminal, which became its controlling one, and
    four 'typed' characters arrived in its input; under Landlock or bubblewrap it cannot open it."""
    mode, pool = mode_pool
    path, follower = free_terminal
    body = f"""
        import termios
        fd = os.open({path!r}, os.O_RDWR)
        fcntl.ioctl(fd, termios.TIOCSTI, b"Z")
    """
    phrase = "Operation not permitted" if mode == "seccomp-alone" else None
    run_adversarial(pool, _double(body), Status.ERROR, phrase, checker=PATIENT)
    with pytest.raises(BlockingIOError):
        os.read(follower, 64)


@pytest.fixture
def terminal_pair() -> Iterator[tuple[str, int]]:
    """A fresh pty: the path a program would write to, and the end its terminal reads."""
    leader, follower = os.openpty()
    os.set_blocking(leader, False)
    yield os.ttyname(follower), leader
    os.close(follower)
    os.close(leader)


def test_only_seccomp_alone_writes_to_a_terminal_of_the_users(
    mode_pool: tuple[str, WorkerPool], terminal_pair: tuple[str, int]
) -> None:
    """The limit the README states: with seccomp alone a terminal is one more file of the
    user's, and what the child writes there (an escape sequence that retitles the window
    here) reaches it; Landlock refuses the open, and under bubblewrap the path is not there."""
    mode, pool = mode_pool
    path, leader = terminal_pair
    body = f"""
        with open({path!r}, "wb", buffering=0) as tty:
            tty.write(b"\\x1b]0;drillbit-test\\x07")
    """
    if mode == "seccomp-alone":
        run_adversarial(pool, _double(body), Status.PASSED, None, checker=PATIENT)
        assert b"drillbit-test" in os.read(leader, 256)
    else:
        run_adversarial(pool, _double(body), Status.ERROR, None, checker=PATIENT)
        with pytest.raises(BlockingIOError):
            os.read(leader, 256)
