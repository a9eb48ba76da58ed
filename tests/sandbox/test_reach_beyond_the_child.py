"""Calls that would reach every process of the user or leave kernel objects behind, and a forged
verdict: each refused in every mode (twenty-third round's attacks that were already stopped).

`kill(-1, sig)` signals every process the user may signal, `kill(0, sig)` the whole process
group; a POSIX message queue and a key in the user's keyring outlive the child; io_uring,
userfaultfd, perf_event_open and bpf reach past the filter's other rules. The seccomp filter
refuses each (tried with harmless arguments: signal 0, a queue name of this test's). The pools
run without the audit hooks: what is tested is the kernel's refusal. A submission that finds
its result pipe and writes "loaded" and "done" on it gets an invalid verdict, never a pass.
"""

from __future__ import annotations

import os
import textwrap
import uuid

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, syscall_number

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: what is tested is the kernel's refusal, not the deadline."""


def _double(*pieces: str) -> str:
    body = "\n".join(textwrap.dedent(piece).strip("\n") for piece in pieces)
    return "import ctypes, os\n\ndef double(x):\n" + textwrap.indent(body, "    ") + "\n"


RAW = """
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
def sc(*args):
    r = libc.syscall(*[a if isinstance(a, bytes) else ctypes.c_long(a) for a in args])
    if r < 0:
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
    return r
"""

CALLS: dict[str, str] = {
    "kill-every-process": "os.kill(-1, 0)",
    "kill-the-process-group": "os.kill(0, 0)",
    # O_CREAT | O_RDWR, mode 0600, default attributes
    "mq_open": "sc({mq_open}, b'/drillbit-test-{token}', 0o102, 0o600, 0)",
    # KEY_SPEC_USER_KEYRING (-4)
    "add_key": "sc({add_key}, b'user', b'drillbit-test-{token}', b'x', 1, -4)",
    "keyctl": "sc({keyctl}, 0, -4, 0, 0, 0)",  # KEYCTL_GET_KEYRING_ID
    "io_uring_setup": "sc({io_uring_setup}, 4, ctypes.addressof(ctypes.create_string_buffer(120)))",
    "userfaultfd": "sc({userfaultfd}, 0)",
    "perf_event_open": "sc({perf_event_open}, 0, 0, -1, -1, 0)",
    "bpf": "sc({bpf}, 0, 0, 0)",
}
NAMES = ("mq_open", "add_key", "keyctl", "io_uring_setup", "userfaultfd", "perf_event_open", "bpf")


@pytest.mark.parametrize("call", list(CALLS))
def test_what_reaches_beyond_the_child_is_refused(
    mode_pool: tuple[str, WorkerPool], call: str
) -> None:
    _, pool = mode_pool
    token = uuid.uuid4().hex[:12]
    text = CALLS[call].format(token=token, **{name: syscall_number(name) for name in NAMES})
    source = _double(RAW, text, "return 2 * x")
    run_adversarial(pool, source, Status.ERROR, "Operation not permitted", checker=PATIENT)
    assert not os.path.exists(f"/dev/mqueue/drillbit-test-{token}")


FORGED_VERDICT = """
import json, os, stat

def _frame(fields):
    body = json.dumps({**fields, "n": 0}).encode()
    return b"J" + len(body).to_bytes(4, "big") + body

for fd in range(3, 4200):  # the result channel: the only socket
    try:
        if stat.S_ISSOCK(os.fstat(fd).st_mode):
            os.write(fd, _frame({"t": "loaded"}) + _frame({"t": "done"}))
            break
    except OSError:
        pass
else:
    raise RuntimeError("no result pipe found")

def double(x):
    return 0 * x
"""


def test_a_forged_done_is_an_invalid_verdict(mode_pool: tuple[str, WorkerPool]) -> None:
    """'loaded' then 'done' with no result: the parent counts the results it got itself."""
    _, pool = mode_pool
    run_adversarial(pool, FORGED_VERDICT, Status.INVALID, "result channel", checker=PATIENT)
