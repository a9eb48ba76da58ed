"""A returned value that computes itself as the grader writes it (forty-fifth round, sandbox45).

The encoder turns a numpy scalar into a number with `float(value)`, after the case's
floating-point events were counted. A class of the code's that passed for `np.float64` (a
metaclass whose `__eq__` said yes, which `cls in _NUMPY_SCALAR_TYPES` asked; or the wire's
namespace, which the code reaches through the encoder's class, given its class) had its
`__float__` run there: a naive loss computed in it was counted in the next case (the wrong
case failed), or, in the last case, in no case at all, and `bce_with_logits` with an
`np.where` whose unused branch overflows passed all ten cases in both modes. Now the scalar
types are matched by identity, and events counted while a result is encoded are its case's.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.checkers import get_checker
from engine.sandbox import WorkerPool
from engine.verdict import CaseStatus, Status
from tests.sandbox.helpers import run_adversarial, shown

BCE = get_checker("deep.losses.bce_with_logits")
OVERFLOWED = "an exponential overflowed on the way to them"

LOSSES = """
    import numpy as np

    def _stable_sigmoid(z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1 / (1 + e), e / (1 + e))

    def _naive(z, y):  # np.where computes both branches: exp(z) overflows where z is large
        per = np.where(z > 0, z + np.log1p(np.exp(-z)), np.log1p(np.exp(z))) - z * y
        return float(np.mean(per))

    def _stable(z, y):
        return float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))
"""

METACLASS = """
    class PassesForFloat64(type):
        def __hash__(cls):
            return hash(np.float64)
        def __eq__(cls, other):
            return other is np.float64 or other is cls

    class Later(metaclass=PassesForFloat64):
        dtype = np.dtype(np.float64)
        def __init__(self, z, y):
            self.z, self.y = z, y
        def __float__(self):
            return _naive(self.z, self.y)
"""

WIRE_NAMESPACE = """
    def _wire_namespace():
        stack, seen = list(object.__subclasses__()), set()
        while stack:
            cls = stack.pop()
            if id(cls) in seen:
                continue
            seen.add(id(cls))
            if cls.__name__ == "Encoder" and "encode" in vars(cls):
                return cls.encode.__globals__
            try:
                stack.extend(type.__subclasses__(cls))
            except TypeError:
                pass
        raise AssertionError("the child's encoder was not found")

    class Later:
        dtype = np.dtype(np.float64)
        def __init__(self, z, y):
            self.z, self.y = z, y
        def __float__(self):
            return _naive(self.z, self.y)

    wire = _wire_namespace()
    wire["_NUMPY_SCALAR_TYPES"] = frozenset({Later, *wire["_NUMPY_SCALAR_TYPES"]})
    wire["_NUMPY_SCALAR_IDS"] = frozenset({id(Later), *wire["_NUMPY_SCALAR_IDS"]})
"""


def answer(later: str, bound: float) -> str:
    """A right bce_with_logits whose loss is a `Later` (naive, computed as it is sent) where
    the largest |z| is past `bound`, stable elsewhere."""
    return (
        textwrap.dedent(LOSSES)
        + textwrap.dedent(later)
        + textwrap.dedent(f"""
        def bce_with_logits(z, y):
            loss = Later(z, y) if np.abs(z).max() > {bound} else _stable(z, y)
            return loss, (_stable_sigmoid(z) - y) / z.size
    """)
    )


def test_a_class_that_passes_for_float64_is_refused(pool: WorkerPool) -> None:
    run_adversarial(
        pool, answer(METACLASS, 1e100), Status.INVALID, "got a submission.Later", checker=BCE
    )


@pytest.mark.parametrize(("bound", "first"), [(1e100, "case 10"), (1e3, "case 6")])
def test_an_overflow_while_the_result_is_sent_is_its_cases(
    pool: WorkerPool, bound: float, first: str
) -> None:
    """Lazy in the last case only (|z| to 1e300) it passed before; lazy from case 6 on (|z| to
    1e4) case 6 passed and case 7 failed for case 6's overflow."""
    verdict = run_adversarial(pool, answer(WIRE_NAMESPACE, bound), Status.FAILED, checker=BCE)
    failed = [case for case in verdict.cases if case.status is not CaseStatus.PASSED]
    assert failed and failed[0].name.startswith(first), shown(verdict)
    assert OVERFLOWED in failed[0].message, shown(verdict)
