"""What a call did, undone or rewritten by a later call of the same case (forty-fifth round).

The seeded and dropout harnesses call the code three times per case (the same seed twice,
another once) and judged the three results after the last call. An answer that ignored its
`rng` and drew from `np.random` kept its first call's arrays and, in its second call, wrote
that call's draw into them: the two calls "agreed" and it passed every case of both drills.
Each call's arrays are now copied as soon as it returns. Likewise the inputs were checked
only after the case's last call, so an input changed in place by one call and put back by
the next was never seen; they are checked after each call of an entry now.
"""

from __future__ import annotations

from engine.checkers import get_checker
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.helpers import run_adversarial

FROM_THE_RNG = "draw random numbers only from the rng argument"

INITIALIZERS = """
import numpy as np

CALLS = []

def _draw(n_in, n_out, scale):
    w = np.random.standard_normal((n_out, n_in)) * scale  # the global generator, not rng
    CALLS.append(w)
    if len(CALLS) % 3 == 2:  # a case's second call: the first call's array becomes this one
        CALLS[-2][...] = w
    return w

def he_init(n_in, n_out, rng):
    return _draw(n_in, n_out, np.sqrt(2.0 / n_in))

def xavier_init(n_in, n_out, rng):
    return _draw(n_in, n_out, np.sqrt(2.0 / (n_in + n_out)))
"""

DROPOUT = """
import numpy as np

FIRST = []

def dropout_forward(A, keep_prob, rng):
    mask = np.random.random(A.shape) < keep_prob  # the global generator, not rng
    out = A * mask / keep_prob
    if A.base is not None:  # the case's own input: its first call
        FIRST[:] = [(out, mask)]
    elif FIRST:  # its second call: the first call's arrays become this one's
        FIRST[0][0][...] = out
        FIRST[0][1][...] = mask
        FIRST.clear()
    return out, mask

def dropout_backward(dout, mask, keep_prob):
    return dout * mask / keep_prob
"""


def test_initializers_that_rewrite_their_first_draw_fail(pool: WorkerPool) -> None:
    checker = get_checker("nn.init.initializers")
    run_adversarial(pool, INITIALIZERS, Status.FAILED, FROM_THE_RNG, checker=checker)


def test_dropout_that_rewrites_its_first_mask_fails(pool: WorkerPool) -> None:
    checker = get_checker("nn.dropout.dropout")
    run_adversarial(pool, DROPOUT, Status.FAILED, FROM_THE_RNG, checker=checker)


RESTORED = """
import numpy as np

SAVED = []
CALLS = [0]

def random_mini_batches(X, Y, batch_size, rng):
    CALLS[0] += 1
    if CALLS[0] % 2 == 1:  # a case's first call (the harness calls it twice a case)
        SAVED[:] = [(X, X.copy(), Y, Y.copy())]
    elif SAVED:  # its second call: the caller's arrays put back as they came
        X0, x0, Y0, y0 = SAVED.pop()
        X0[...] = x0
        Y0[...] = y0
    m = X.shape[1]
    perm = rng.permutation(m)
    X[:] = X[:, perm]  # the caller's data shuffled in place
    Y[:] = Y[:, perm]
    return [
        (X[:, k : k + batch_size].copy(), Y[:, k : k + batch_size].copy())
        for k in range(0, m, batch_size)
    ]
"""


def test_an_input_changed_in_one_call_and_put_back_in_the_next_is_named(
    pool: WorkerPool,
) -> None:
    """The in-place check ran once, after the case's last call: mini-batches shuffled in
    place by the first call and put back by the second passed all seven cases. It shuffles both
    X and Y, and the verdict names both (the case it first shows in moved with grading45's cases)."""
    checker = get_checker("nn.minibatch.random_mini_batches")
    run_adversarial(
        pool,
        RESTORED,
        Status.FAILED,
        "changed its inputs X (in call 1 of the case, random_mini_batches; put back later) and Y"
        " (in call 1 of the case, random_mini_batches; put back later) in place",
        checker=checker,
    )
