"""`@types.coroutine` on a generator function sets one flag on its code with `code.replace`,
which the load-time refusal of code objects made from bytes refused: a correct answer using it
failed to load. The child's own `types.coroutine` makes that one change with the door open for
its thread alone; the code's own `code.replace` is still refused, at load and in a call."""

from __future__ import annotations

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from tests.sandbox.drills import PatientSigmoid
from tests.sandbox.helpers import shown

DECORATED = """
import types
import numpy as np

def _stable(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

@types.coroutine
def _asked(z):
    got = yield z
    return got

async def _sigmoid(z):
    return await _asked(z)

def sigmoid(z):
    co = _sigmoid(z)
    sent = co.send(None)
    try:
        co.send(_stable(sent))
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("the coroutine did not finish")
"""

FORGED_AT_LOAD = """
import numpy as np

def _plain(z):
    return 1.0 / (1.0 + np.exp(-z))

_plain.__code__ = _plain.__code__.replace(co_flags=_plain.__code__.co_flags | 0x100)

def sigmoid(z):
    return _plain(z)
"""

FORGED_IN_A_CALL = """
import numpy as np

def sigmoid(z):
    def inner(z):
        return 1.0 / (1.0 + np.exp(-z))
    inner.__code__ = inner.__code__.replace(co_code=inner.__code__.co_code)
    return inner(z)
"""


def test_a_types_coroutine_answer_loads_and_passes(pool: WorkerPool) -> None:
    verdict = grade(PatientSigmoid(), DECORATED, seed=3, pool=pool)
    assert verdict.passed, shown(verdict)


def test_the_codes_own_code_replace_is_refused_at_load(pool: WorkerPool) -> None:
    verdict = grade(PatientSigmoid(), FORGED_AT_LOAD, seed=3, pool=pool)
    assert not verdict.passed, shown(verdict)
    assert "making code objects from bytes" in shown(verdict), shown(verdict)


def test_the_codes_own_code_replace_is_refused_in_a_call(pool: WorkerPool) -> None:
    verdict = grade(PatientSigmoid(), FORGED_IN_A_CALL, seed=3, pool=pool)
    assert not verdict.passed, shown(verdict)
    assert "making code objects from bytes" in shown(verdict), shown(verdict)
