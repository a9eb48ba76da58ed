"""The encoder the child writes results with, reached and rewritten by the code (forty-sixth
round, sandbox46).

The grader's functions run from a private copy of the wire's namespace, but the `Encoder`
class they build is shared, and the code finds it (`object.__subclasses__()`): its methods
are the code's to replace. What a replaced `encode` returns is written as the case's "out"
and nothing else (the header, the token and the flags are laid out by the private copy), and
it is handed only the code's own returned value. So it can write what the code could have
returned itself, and no more: every forged form below is judged against the parent's fixed
tables, and no expected value is in the child to be read (the job carries inputs only).

Since the fifty-second round (sandbox52b) the child holds the class to what it was before the
code loaded and checks it before each result is encoded: a replaced `encode` never runs, and
each case is an invalid return in the grader's words ("your code changed the grader's
Encoder"). The forged forms below are refused all the same, now before any is written.
"""

from __future__ import annotations

import numpy as np
import pytest

from engine.cases import case_seed_rng
from engine.grade_sandboxed import job_cases, job_head
from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.helpers import DOUBLE, run_adversarial

REACH = """import numpy as np

ENCODER = next(c for c in object.__subclasses__() if c.__name__ == "Encoder" and "encode" in vars(c))
REAL_ENCODE = ENCODER.encode


def double(x):
    return x  # wrong: half of each right value
"""

FORGED = {
    # a header's words, as "out": the parent reads "out" as the value, never as a verdict
    "a-verdict-as-the-value": 'lambda self, value, path="value", depth=0: {"$d": {"passed": True, "error": None}}',
    # an array the message does not carry, and a table entry for it
    "an-array-not-sent": 'lambda self, value, path="value", depth=0: (self.table.append(["<f8", [2, 2]]), {"$a": 7})[1]',
    # a scalar of a dtype name no table holds, and one whose number is a string
    "a-scalar-of-no-dtype": 'lambda self, value, path="value", depth=0: {"$s": ["passed", 1.0]}',
    "a-scalar-of-a-string": 'lambda self, value, path="value", depth=0: {"$s": ["<f8", "2.0"]}',
    # an unknown tag, and the job's own tag for a tuple with a str inside
    "an-unknown-tag": 'lambda self, value, path="value", depth=0: {"$verdict": "passed"}',
    "a-str-in-a-result": 'lambda self, value, path="value", depth=0: {"$t": ["passed all 4 cases"]}',
    # the encoder raising the code's own exit
    "an-exit": 'lambda self, value, path="value", depth=0: exec("raise SystemExit(0)")',
}


@pytest.mark.parametrize("form", list(FORGED))
def test_a_forged_form_written_by_a_rewritten_encoder_is_refused(
    pool: WorkerPool, form: str
) -> None:
    """Refused as invalid returns before; since the fifty-fourth round the grader's classes
    are immutable, and the rewrite is refused as the code loads."""
    source = REACH + f"\n\nENCODER.encode = {FORGED[form]}\n"
    verdict = run_adversarial(pool, source, Status.ERROR, "attribute of immutable type 'Encoder'")
    assert verdict.stderr == "", verdict.stderr


DOUBLING_ENCODER = """

def doubled(self, value, path="value", depth=0):
    if type(value) is np.ndarray:
        value = 2 * value  # computed here, as the grader writes the result
    return REAL_ENCODE(self, value, path, depth)


ENCODER.encode = doubled
"""


def test_an_encoder_that_computes_is_refused_as_a_changed_class(pool: WorkerPool) -> None:
    """An encoder that doubles what it writes made `return x` pass, the same as `return 2 * x`
    (the code's own work, written by a class of the grader's). Now the class is found changed
    before it encodes anything: invalid, in the grader's words; since the fifty-fourth round
    the class is immutable, and the rewrite is refused as the code loads."""
    verdict = run_adversarial(
        pool, REACH + DOUBLING_ENCODER, Status.ERROR, "attribute of immutable type 'Encoder'"
    )
    assert verdict.stderr == "", verdict.stderr


def test_the_job_a_child_gets_holds_no_expected_value() -> None:
    """What the parent sends: the harness, the source, the entries, the token and each case's
    inputs; the expected values stay in `Case.private`, in the parent."""
    cases = DOUBLE.make_cases(case_seed_rng(3), {})
    sent = bytes(job_head(DOUBLE, "def double(x):\n    return x\n", "00" * 16))
    sent += bytes(job_cases(cases))
    for case in cases:
        expected = case.private["expected"]
        assert isinstance(expected, np.ndarray) and expected.size
        assert expected.tobytes() not in sent
        assert case.inputs["args"][0].tobytes() in sent  # the inputs are, as bytes
