"""The same odd submission gets the same verdict in the sandbox and in this process.

In-process grading (the tests, lint, the benchmark's lower limit) said "your code raised
KeyError: 'batchnorm_backward'" on every case of a pair drill missing a function, where the
sandbox names the function and its signature and runs no case; and a returned generator
was FAILED in-process, INVALID (with the `list(...)` hint) through the sandbox. Both paths
now load the file and judge each result with the same functions; this pins that they
agree, status and words, on every kind of incomplete answer.
"""

from __future__ import annotations

import pytest

from engine.checkers import get_checker
from engine.grade_inprocess import grade_source_inprocess
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Status, Verdict

SOFTMAX = "nn.softmax.softmax"
BATCHNORM = "nn.batchnorm.batchnorm"
EMBEDDING = "arch.embedding.embedding"

FORWARD = """\
import numpy as np


def batchnorm_forward(X, gamma, beta, eps=1e-5):
    mu = X.mean(axis=0)
    xhat = (X - mu) / np.sqrt(X.var(axis=0) + eps)
    return gamma * xhat + beta, (xhat, gamma, X.var(axis=0), eps)
"""

ODD = [
    (SOFTMAX, "def soft_max(z):\n    return z\n", Status.ERROR, "does not define `softmax(z)`"),
    (BATCHNORM, FORWARD, Status.ERROR, "does not define `batchnorm_backward(dout, cache)`"),
    (BATCHNORM, "import numpy as np\n", Status.ERROR, "it defines no functions"),
    (SOFTMAX, "def softmax():\n    return 0.0\n", Status.ERROR, "keep its parameters"),
    (
        BATCHNORM,
        FORWARD + "\n\ndef batchnorm_backward(dout):\n    return dout, 0.0, 0.0\n",
        Status.ERROR,
        "batchnorm_backward() takes 1 positional argument but 2 were given",
    ),
    (SOFTMAX, "def softmax(z):\n    for r in z:\n        yield r\n", Status.INVALID, "(list(...))"),
    (SOFTMAX, "def softmax(z):\n    z / z.sum()\n", Status.INVALID, "forget to `return`?"),
    (SOFTMAX, "raise ValueError('boom')\n", Status.ERROR, "raised ValueError: boom"),
    (SOFTMAX, "import sys\nsys.exit(3)\n", Status.ERROR, "sys.exit(3) was called while loading"),
    (SOFTMAX, "def softmax(z)\n    return z\n", Status.ERROR, "SyntaxError: expected ':' (line 1)"),
    (SOFTMAX, "def softmax(z):\n\treturn z\n  \n  x = 1\n", Status.ERROR, "IndentationError"),
    (
        EMBEDDING,
        "def embedding_forward(ids, W):\n    return W[ids]\n\n\n"
        "def embedding_backward(dout, ids, vocab_size):\n    return None\n",
        Status.ERROR,
        "as embedding_forward(W, ids), so keep the starter's order",
    ),
]


def _seen(verdict: Verdict) -> tuple[object, ...]:
    """What a person is told: the status, the headline, and each case's status and words."""
    return (
        verdict.status,
        verdict.summary,
        tuple((c.name, c.status, c.message, c.inputs) for c in verdict.cases),
    )


@pytest.mark.parametrize(("drill", "source", "status", "phrase"), ODD)
def test_the_sandbox_and_this_process_agree(
    pool: WorkerPool, drill: str, source: str, status: Status, phrase: str
) -> None:
    checker = get_checker(drill)
    boxed = grade(checker, source, seed=11, pool=pool)
    here = grade_source_inprocess(checker, source, seed=11)
    assert boxed.status is status, boxed.summary
    assert (
        phrase in f"{boxed.summary}\n{boxed.first_failure.message if boxed.first_failure else ''}"
    )
    assert _seen(here) == _seen(boxed)
