"""A submission that replaces numpy's functions as it loads, against the harness's checks.

The harnesses and the wire run in the submission's process and import the same numpy
module, whose attributes the submission can replace. The child hands them a snapshot of
the module taken before the submission loads (`engine.sandbox.child.module_snapshot`), so
what the submission replaces changes its own code only.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.checkers import get_checker
from engine.sandbox import WorkerPool
from engine.verdict import CaseStatus, Status
from tests.sandbox.helpers import run_adversarial

CLIP = get_checker("deep.clipping.clip_grad_norm")
MOMENTUM = get_checker("nn.optim.momentum_step")

RETURNS_ITS_OWN_GRADS = """
    def clip_grad_norm(grads, max_norm):
        total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
        if total <= max_norm:
            return grads, total  # the caller's own arrays, not copies
        return [g * (max_norm / total) for g in grads], total
"""

VELOCITY_IS_GRAD = """
    def momentum_step(theta, grad, v, lr, beta=0.9):
        v_new = grad if not v.any() else beta * v + grad  # grad itself on the first step
        return theta - lr * v_new, v_new
"""

PATCHES = {
    # np.shares_memory answered False, so the harness saw no shared memory
    "shares-memory-says-no": "np.shares_memory = lambda *args, **kwargs: False",
    # np.ndarray replaced by an unrelated class: the harness saw no array to compare at all
    "ndarray-replaced": 'np.ndarray = type("ndarray", (), {})',
}


@pytest.mark.parametrize("patch", list(PATCHES))
def test_returning_the_callers_gradients_fails_however_numpy_was_patched(
    pool: WorkerPool, patch: str
) -> None:
    source = "import numpy as np\n" + PATCHES[patch] + "\n" + textwrap.dedent(RETURNS_ITS_OWN_GRADS)
    verdict = run_adversarial(
        pool, source, Status.FAILED, "is one of the input arrays", checker=CLIP
    )
    assert any(case.status is CaseStatus.PASSED for case in verdict.cases)  # the values are right


def test_a_velocity_that_is_the_callers_grad_fails_however_numpy_was_patched(
    pool: WorkerPool,
) -> None:
    source = (
        "import numpy as np\n"
        + PATCHES["shares-memory-says-no"]
        + "\n"
        + textwrap.dedent(VELOCITY_IS_GRAD)
    )
    run_adversarial(pool, source, Status.FAILED, "the caller's grad itself", checker=MOMENTUM)
