"""No keystrokes pushed into a terminal, and no terminal changed: TIOCSTI, TIOCLINUX and every
request that sets a terminal's modes, size, flow or session are refused by seccomp in every mode.

TIOCSTI puts characters into a terminal's input queue as if they were typed: the
program reading that terminal (the user's shell, or the app's own TUI) acts on them.
The child leads its own session with no controlling terminal, so the kernel allows it
on any terminal it opens that no session holds yet: the open makes that terminal its
own. Without a file system layer (seccomp alone), a terminal of the user's is one the
child can open. TIOCLINUX pastes a virtual console's selection the same way. The pools
run without the audit hooks: what is tested is the kernel's refusal.
"""

from __future__ import annotations

import fcntl
import os
import struct
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
TIOCGEXCL = 0x80045440
TERMINAL_CHANGES = {
    name: getattr(termios, name, number)
    for name, number in {
        "TCSETS": 0x5402,
        "TCSETSW": 0x5403,
        "TCSETSF": 0x5404,
        "TCSETA": 0x5406,
        "TCSETAW": 0x5407,
        "TCSETAF": 0x5408,
        "TCSETS2": 0x402C542B,
        "TCSETSW2": 0x402C542C,
        "TCSETSF2": 0x402C542D,
        "TIOCSLCKTRMIOS": 0x5457,
        "TIOCSWINSZ": 0x5414,
        "TCXONC": 0x540A,
        "TCFLSH": 0x540B,
        "TIOCEXCL": 0x540C,
        "TIOCSETD": 0x5423,
        "TCSBRK": 0x5409,
        "TCSBRKP": 0x5425,
        "TIOCSBRK": 0x5427,
        "TIOCCBRK": 0x5428,
        "TIOCMBIS": 0x5416,
        "TIOCMBIC": 0x5417,
        "TIOCMSET": 0x5418,
        "TIOCSSOFTCAR": 0x541A,
        "TIOCSSERIAL": 0x541F,
        "TIOCCONS": 0x541D,
        "TIOCSCTTY": 0x540E,
        "TIOCSPGRP": 0x5410,
        "TIOCSIG": 0x40045436,
        "TIOCVHANGUP": 0x5437,
    }.items()
}
"""What changes a terminal: termios's number where it names one, else Linux's generic one."""


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


def test_every_terminal_change_is_refused(mode_pool: tuple[str, WorkerPool]) -> None:
    """Each request that changes a terminal is refused before the kernel looks at the
    descriptor (the child's stdout, a pipe: without the filter the answer is ENOTTY)."""
    _, pool = mode_pool
    body = f"""
        import errno
        answered = {{}}
        for name, request in {dict(TERMINAL_CHANGES)!r}.items():
            try:
                fcntl.ioctl(1, request, bytes(64))
            except OSError as exc:
                if exc.errno != errno.EPERM:
                    answered[name] = errno.errorcode.get(exc.errno, exc.errno)
            else:
                answered[name] = "done"
        if answered:
            raise ValueError(f"not refused: {{answered}}")
    """
    run_adversarial(pool, _double(body), Status.PASSED, None, checker=PATIENT)


def _state(leader: int, follower: int) -> tuple[object, ...]:
    """What the attack below changed: the size, the modes, exclusive use."""
    size = fcntl.ioctl(leader, termios.TIOCGWINSZ, bytes(8))
    exclusive = fcntl.ioctl(follower, TIOCGEXCL, bytes(4))
    return size, termios.tcgetattr(follower), exclusive


def test_no_terminal_of_the_users_is_changed(mode_pool: tuple[str, WorkerPool]) -> None:
    """With seccomp alone the child opened a terminal of the user's and, after it had ended,
    the terminal's size was 1x1 (its foreground programs are sent SIGWINCH and redraw at that
    size), echo and line editing were off, what was typed was gone, no one else could open
    it, and its output was stopped; under Landlock or bubblewrap it cannot open it."""
    mode, pool = mode_pool
    leader, follower = os.openpty()
    try:
        fcntl.ioctl(leader, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        attrs = termios.tcgetattr(follower)
        attrs[3] &= ~(termios.ICANON | termios.ECHO)  # what is typed is readable at once
        termios.tcsetattr(follower, termios.TCSANOW, attrs)
        os.write(leader, b"typed")
        before = _state(leader, follower)
        body = f"""
            import struct, termios
            if getattr(os, "attacked", False):  # once: after TIOCEXCL no one else may open it
                return 2 * x
            os.attacked = True
            fd = os.open({os.ttyname(follower)!r}, os.O_RDWR | os.O_NOCTTY)
            attacks = [
                lambda: fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 1, 1, 0, 0)),
                lambda: termios.tcsetattr(fd, termios.TCSANOW, [0, 0, 0, 0, 0, 0, [b"\\0"] * 32]),
                lambda: termios.tcflush(fd, termios.TCIFLUSH),
                lambda: fcntl.ioctl(fd, termios.TIOCEXCL),
                lambda: termios.tcflow(fd, termios.TCOOFF),
            ]
            for attack in attacks:
                try:
                    attack()
                except (OSError, termios.error):
                    pass
        """
        status = Status.PASSED if mode == "seccomp-alone" else Status.ERROR
        run_adversarial(pool, _double(body), status, None, checker=PATIENT)
        assert _state(leader, follower) == before
        os.set_blocking(follower, False)
        assert os.read(follower, 64) == b"typed"
        os.set_blocking(leader, False)
        os.write(follower, b"output")  # stopped output would not arrive (or block here)
        assert os.read(leader, 64) == b"output"
    finally:
        os.close(follower)
        os.close(leader)


def test_the_hooks_refuse_a_terminal_where_seccomp_is_missing(
    no_seccomp_pool: tuple[str, WorkerPool], free_terminal: tuple[str, int]
) -> None:
    """Forty-second round: with the hooks alone (a machine without libseccomp, bubblewrap or
    Landlock) the child opened a terminal no session held, for reading, which made it its own,
    and typed `echo typed` and a newline into its input, as if you had: the hooks judged the
    open a read and had no word for the ioctl. They now refuse opening a terminal at all."""
    _, pool = no_seccomp_pool
    path, follower = free_terminal
    body = f"""
        import termios
        fd = os.open({path!r}, os.O_RDONLY)
        for typed in b"echo typed\\n":
            fcntl.ioctl(fd, termios.TIOCSTI, bytes([typed]))
    """
    source = _double(body).replace("import ctypes, fcntl, os", "import fcntl, os")  # hooks on
    run_adversarial(pool, source, Status.ERROR, "opening a terminal", checker=PATIENT)
    with pytest.raises(BlockingIOError):
        os.read(follower, 64)
