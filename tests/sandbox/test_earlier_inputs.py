"""A call that changes an earlier case's input in place is caught (forty-first round).

Each call's in-place check runs right after that call, so a submission that kept each input
and changed it during the next call (a naive in-place update, delayed by one case) passed
every case, and so did one that changed them all in a `flush` of its own, which the grader
calls after the last case. The child now keeps every case's inputs as they came, looks at
the earlier cases' after each call, and at every case's once more before `done`, which then
names the late ones; the app judges those cases again with them.
"""

from __future__ import annotations

import pytest

from engine.checkers import get_checker
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool, wire
from engine.sandbox.decide import _late_changes
from engine.verdict import CaseStatus, Status
from tests.sandbox.helpers import shown

SIGMOID = get_checker("nn.activations.sigmoid")

STABLE = "0.5 * (1.0 + np.tanh(0.5 * z))"

DELAYED = f"""
import numpy as np

kept = []


def sigmoid(z):
    out = {STABLE}
    if kept:
        kept[-1][...] = 0.25  # the previous case's input, after its own check
    kept.append(z)
    return out
"""

KEPT_UNCHANGED = f"""
import numpy as np

kept = []


def sigmoid(z):
    kept.append(z)  # holding the caller's arrays is not changing them
    return {STABLE}
"""

OWN_CALL = f"""
import numpy as np


def sigmoid(z):
    out = {STABLE}
    z[...] = 0.25
    return out
"""


def test_a_change_to_an_earlier_case_input_fails_the_call_that_made_it(pool: WorkerPool) -> None:
    verdict = grade(SIGMOID, DELAYED, seed=5, pool=pool)
    assert verdict.status is Status.FAILED, shown(verdict)
    assert verdict.cases[0].status is CaseStatus.PASSED, shown(verdict)  # its own input untouched
    second = verdict.cases[1].message
    assert "changed its input z (an earlier call's) in place" in second, shown(verdict)


def test_keeping_the_inputs_without_changing_them_passes(pool: WorkerPool) -> None:
    verdict = grade(SIGMOID, KEPT_UNCHANGED, seed=5, pool=pool)
    assert verdict.status is Status.PASSED, shown(verdict)


def test_a_call_that_changed_its_own_input_is_named_once(pool: WorkerPool) -> None:
    """Its own check names it; the next call, which changed nothing, is not blamed for it."""
    verdict = grade(SIGMOID, OWN_CALL, seed=5, pool=pool)
    assert verdict.status is Status.FAILED, shown(verdict)
    messages = [case.message for case in verdict.cases]
    assert all("changed its input z in place" in m for m in messages), messages
    assert not any("earlier call" in m for m in messages), messages


LATE_FLUSH = f"""
import sys
import numpy as np

kept = []


class Out:
    def __init__(self, real):
        self.real = real

    def write(self, text):
        return self.real.write(text)

    def flush(self):
        for z in kept:  # after every case's checks: the grader flushes before `done`
            z[...] = 0.25
        return self.real.flush()


sys.stdout = Out(sys.stdout)


def sigmoid(z):
    kept.append(z)
    return {STABLE}
"""


def test_inputs_changed_after_the_last_call_fail_their_cases(pool: WorkerPool) -> None:
    verdict = grade(SIGMOID, LATE_FLUSH, seed=5, pool=pool)
    assert verdict.status is Status.FAILED, shown(verdict)
    messages = [case.message for case in verdict.cases]
    assert all("changed its input z (after its call returned) in place" in m for m in messages)


@pytest.mark.parametrize(
    "late",
    [
        "x",
        [[0]],
        [[8, ["args[0]"]]],
        [[-1, ["args[0]"]]],
        [[True, ["args[0]"]]],
        [[0, "args[0]"]],
        [[0, [3]]],
        [[0, ["a"]]] * 9,
    ],
)
def test_a_malformed_late_list_is_a_protocol_error(late: object) -> None:
    with pytest.raises(wire.WireError):
        _late_changes(late, 8)


def test_a_late_list_is_read_by_case() -> None:
    assert _late_changes(None, 8) == {}
    assert _late_changes([[7, ["args[0] (after its call returned)"]]], 8) == {
        7: ["args[0] (after its call returned)"]
    }
