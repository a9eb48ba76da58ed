"""A death by SIGSYS is the seccomp filter's, in words and in fact (the thirty-seventh round).

The filter kills with SIGSYS (an exit status of 128 or more, a call through another ABI), and
the verdict names such a death "a call the sandbox refuses outright". The code could send
itself that signal (`os.kill(os.getpid(), signal.SIGSYS)`, `signal.raise_signal`), and the
verdict then blamed the sandbox for a death of the code's choosing. With seccomp the child may
no more send itself SIGSYS than the limits' signals; without it (no libseccomp) nothing sends
SIGSYS but the code, and the verdict says no filter was active.
"""

from __future__ import annotations

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, shown

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: what is tested is how the run ends, not the deadline."""

SENDS = {
    "kill": "os.kill(os.getpid(), signal.SIGSYS)",
    "raise_signal": "signal.raise_signal(signal.SIGSYS)",
    # the limits' own, refused since an earlier round: the line of the verdict names all three
    "kill-SIGXCPU": "os.kill(os.getpid(), signal.SIGXCPU)",
    "kill-SIGKILL": "os.kill(os.getpid(), signal.SIGKILL)",
}


def _source(how: str) -> str:
    return f"import os, signal\n\ndef double(x):\n    {SENDS[how]}\n    return 2 * x\n"


@pytest.mark.parametrize("how", list(SENDS))
def test_the_child_cannot_send_itself_the_filters_signal(
    mode_pool: tuple[str, WorkerPool], how: str
) -> None:
    """Before the fix the child died by SIGSYS in every mode, and the verdict said the sandbox
    had refused a call; now the send is refused (an error in the code, as any refused call)."""
    verdict = run_adversarial(mode_pool[1], _source(how), Status.ERROR, checker=PATIENT)
    assert "PermissionError: [Errno 1]" in shown(verdict), shown(verdict)
    assert "sandbox refuses" not in shown(verdict), shown(verdict)


def test_without_seccomp_a_sigsys_is_not_called_the_sandboxs(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    """Under bubblewrap, Landlock or the audit hooks alone nothing refuses the send: the
    verdict names the signal and says that no filter was active to send it."""
    verdict = run_adversarial(
        no_seccomp_pool[1], _source("kill"), Status.CRASHED, "killed by SIGSYS", checker=PATIENT
    )
    text = shown(verdict)
    assert "no seccomp filter was active here, so not a call the sandbox refused" in text, text
    assert "refuses outright" not in text, text
