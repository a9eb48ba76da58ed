"""Escapes the twenty-fourth, twenty-fifth and twenty-seventh rounds tried that the kernel
layers already stopped, kept as tests.

Each is a hostile submission through the real grader in each mode (bubblewrap, Landlock +
seccomp, seccomp alone), without the audit hooks: what is refused is refused by the kernel.
A program written into a memfd cannot be run (`execveat` is refused like `execve`); `clone3`
reports ENOSYS, so glibc falls back to `clone`, whose process-making forms are refused;
rewriting the process's own command line or memory map (`PR_SET_MM`) takes a capability no
child holds; an 8 GiB `MAP_NORESERVE` mapping still counts against the address-space limit;
no limit can be raised; descriptors (eventfds, timerfds) stop at the open-files limit;
there is no controlling terminal to write to; a thread cannot ask for namespaces of its own;
a child that stops itself is ended by the wall clock; and a call made through another
ABI (x32's numbers, the 32-bit `int 0x80`), past a filter of x86-64 numbers, kills the child.
"""

from __future__ import annotations

import platform
import textwrap

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, syscall_number

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: what is tested is the kernel's refusal, not the deadline."""
PRELUDE = """
import ctypes, errno, os

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
libc.mmap.restype = ctypes.c_void_p


def sc(name, *args):
    number = {numbers}[name]
    r = libc.syscall(number, *[ctypes.c_long(a) if type(a) is int else a for a in args])
    if r < 0:
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
    return r
"""
CALLS = ("memfd_create", "execveat", "clone3", "clone", "prctl", "prlimit64", "timerfd_create")
ESCAPES = {
    "a program run from a memfd": (
        """
        fd = sc("memfd_create", ctypes.c_char_p(b"x"), 0)
        os.write(fd, b"#!/bin/sh\\necho escaped\\n")
        argv = (ctypes.c_char_p * 2)(b"x", None)
        sc("execveat", fd, ctypes.c_char_p(b""), argv, argv, 0x1000)  # AT_EMPTY_PATH
        """,
        "Operation not permitted",
    ),
    "clone3": ("sc('clone3', 0, 0)", "Function not implemented"),
    # a thread (the one form of clone the filter lets through) asking for namespaces of its
    # own: refused by the kernel, the thread's flags do not smuggle them in
    "a thread in a mount and network namespace of its own": (
        "sc('clone', 0x10000 | 0x800 | 0x100 | 0x20000 | 0x40000000, 0, 0, 0, 0)",
        "Operation not permitted",
    ),
    "PR_SET_MM (rewriting its own command line)": (
        "sc('prctl', 35, 8, 0, 0, 0)",  # PR_SET_MM, PR_SET_MM_ARG_START
        "Operation not permitted",
    ),
    "8 GiB of MAP_NORESERVE": (
        """
        if libc.mmap(None, ctypes.c_size_t(8 << 30), 3, 0x22 | 0x4000, -1, 0) in (None, 2**64 - 1):
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
        """,
        "Cannot allocate memory",
    ),
    "raising the address-space limit": (
        """
        limit = (ctypes.c_ulong * 2)(1 << 40, 1 << 40)
        sc("prlimit64", 0, 9, ctypes.byref(limit), 0)  # RLIMIT_AS
        """,
        "Operation not permitted",
    ),
    "an eventfd and timerfd flood": (
        """
        while True:
            os.eventfd(0)
            sc("timerfd_create", 1, 0)
        """,
        "Too many open files",
    ),
}


@pytest.mark.parametrize("escape", list(ESCAPES))
def test_the_escape_is_refused_by_the_kernel(
    mode_pool: tuple[str, WorkerPool], escape: str
) -> None:
    _, pool = mode_pool
    body, phrase = ESCAPES[escape]
    prelude = PRELUDE.format(numbers={name: syscall_number(name) for name in CALLS})
    source = (
        prelude
        + "\n\ndef double(x):\n"
        + textwrap.indent(textwrap.dedent(body).strip("\n"), "    ")
        + "\n    return 2 * x\n"
    )
    verdict = run_adversarial(pool, source, Status.ERROR, phrase, checker=PATIENT)
    assert "escaped" not in verdict.model_dump_json()


def test_there_is_no_terminal_to_write_to(mode_pool: tuple[str, WorkerPool]) -> None:
    """The child leads a session of its own: /dev/tty is no terminal of the user's (and
    Landlock does not let it be opened at all)."""
    mode, pool = mode_pool
    source = textwrap.dedent("""
        import os

        def double(x):
            fd = os.open("/dev/tty", os.O_WRONLY)
            os.write(fd, b"\\x1b]0;written\\x07")
            return 2 * x
    """)
    phrase = "Permission denied" if mode == "landlock" else "No such device or address"
    run_adversarial(pool, source, Status.ERROR, phrase, checker=PATIENT)


def test_a_child_that_stops_itself_ends_at_the_clock(mode_pool: tuple[str, WorkerPool]) -> None:
    """SIGSTOP to itself (the one process it may signal): the wall clock's SIGKILL ends a stopped
    process as any other, and the pool grades on."""
    _, pool = mode_pool
    source = textwrap.dedent("""
        import os, signal

        def double(x):
            os.kill(os.getpid(), signal.SIGSTOP)
            return 2 * x
    """)
    run_adversarial(pool, source, Status.TIMEOUT, "did not finish")


OTHER_ABI = """
import ctypes, mmap

# syscall(number, a, b, c) in x86-64 machine code, once by `syscall`, once by `int 0x80`
# (the 32-bit ABI, whose numbers differ: 359 is socket, 102 socketcall, 2 fork there)
NATIVE = bytes.fromhex("4889f8" "4889f7" "4889d6" "4889ca" "0f05" "c3")
I386 = bytes.fromhex("53" "4889f8" "4889f3" "4989c8" "4889d1" "4c89c2" "cd80" "5b" "c3")


def machine_code(code):
    page = mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
    page.write(code)
    address = ctypes.addressof(ctypes.c_char.from_buffer(page))
    call = ctypes.CFUNCTYPE(*[ctypes.c_long] * 5)(address)
    call.page = page
    return call


def double(x):
    result = {call}
    raise ValueError(f"the call returned {{result}}")  # a descriptor, a pid, or -errno
"""
OTHER_ABI_CALLS = {
    "a socket by its x32 number": "machine_code(NATIVE)(0x40000000 | 41, 2, 1, 0)",
    "a socket by the 32-bit ABI": "machine_code(I386)(359, 2, 1, 0)",
    "a socket by socketcall": (
        "machine_code(I386)(102, 1, ctypes.addressof((ctypes.c_uint32 * 3)(2, 1, 0)), 0)"
    ),
    "a process by the 32-bit ABI": "machine_code(I386)(2, 0, 0, 0)",
}
"""The filter lists each call by its x86-64 number; a call made through another ABI has
numbers of its own (x32's carry bit 30, the 32-bit ABI's a table of their own), which a
filter checking numbers alone would let through. libseccomp kills the child instead."""


@pytest.mark.skipif(platform.machine() != "x86_64", reason="the machine code is x86-64's")
@pytest.mark.parametrize("call", list(OTHER_ABI_CALLS))
def test_a_call_through_another_abi_kills_the_child(
    mode_pool: tuple[str, WorkerPool], call: str
) -> None:
    _, pool = mode_pool
    source = OTHER_ABI.format(call=OTHER_ABI_CALLS[call])
    run_adversarial(pool, source, Status.CRASHED, "SIGSYS", checker=PATIENT)
