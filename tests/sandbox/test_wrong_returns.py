"""An entry returning the wrong number of values gets the checker's own message, through the sandbox.

The harnesses report such a return as a small integer code (the wire refuses strings in
results); before, they sent the type's name as a string and the user saw
"invalid return: out['bad_forward']: got a string ..." instead of what to fix.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checkers.base import HARNESS_DIR, harness_sources
from engine.checkers.returned import KINDS, MAX_LENGTH, describe_return, wrong_return
from engine.grade_inprocess import grade_inprocess, load_submission
from engine.grade_sandboxed import grade
from engine.harnesses._returns import return_code
from engine.sandbox import WorkerPool, wire
from engine.verdict import Status
from tests.engine.answer_files import ANSWERS
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import LIVE_POOLS, shown


def _correct(drill: str, name: str) -> str:
    return (ANSWERS / drill / name).read_text(encoding="utf-8")


BN = _correct("batchnorm", "correct_compact.py")
LN = _correct("layernorm", "correct_compact.py")
LSTM = _correct("lstm-cell", "correct_stacked.py")
DO = _correct("dropout", "correct_uniform_mask.py")
GC = _correct("gradient-check", "correct_basic.py")


def _wrap(source: str, entry: str, body: str) -> str:
    """The correct source with `entry` replaced by a wrapper returning `body` (of `r`, the result)."""
    return f"{source}\n\n_right_{entry} = {entry}\n\n\ndef {entry}(*args):\n    r = _right_{entry}(*args)\n    {body}\n"


WRONG = [
    (
        "nn.batchnorm.batchnorm",
        _wrap(BN, "batchnorm_forward", "return r[0]"),
        "batchnorm_forward should return (out, cache), got a single numpy array",
    ),
    (
        "nn.batchnorm.batchnorm",
        _wrap(BN, "batchnorm_backward", "pass"),
        "batchnorm_backward should return (dX, dgamma, dbeta), got None (did it forget",
    ),
    (
        "nn.batchnorm.batchnorm",
        _wrap(BN, "batchnorm_backward", "return r[0], r[1]"),
        "batchnorm_backward should return (dX, dgamma, dbeta), got 2 values",
    ),
    (
        "deep.layernorm.layernorm",
        _wrap(LN, "layernorm_forward", "return [r[0]]"),
        "layernorm_forward should return (out, cache), got 1 value",
    ),
    (
        "deep.layernorm.layernorm",
        _wrap(LN, "layernorm_backward", "return {'dX': r[0]}"),
        "layernorm_backward should return (dX, dgamma, dbeta), got a dict",
    ),
    (
        "arch.recurrent.lstm_cell",
        _wrap(LSTM, "lstm_cell_forward", "return r[0], r[1]"),
        "lstm_cell_forward should return (h, c, cache), got 2 values",
    ),
    (
        "arch.recurrent.lstm_cell",
        _wrap(LSTM, "lstm_cell_backward", "return r[:4]"),
        "lstm_cell_backward should return (dx, dh_prev, dc_prev, dW, db), got 4 values",
    ),
    (
        "nn.dropout.dropout",
        _wrap(DO, "dropout_forward", "return r[0]"),
        "dropout_forward should return (out, mask), got a single numpy array",
    ),
    (
        "nn.gradcheck.gradient_check",
        _wrap(GC, "gradient_check", "return float(r[1])"),
        "gradient_check should return (ok, rel_diff), got a single number",
    ),
    (
        "nn.gradcheck.gradient_check",
        _wrap(GC, "gradient_check", "return r[0]"),
        "gradient_check should return (ok, rel_diff), got a bool",
    ),
]

RIGHT = [
    ("nn.batchnorm.batchnorm", _wrap(BN, "batchnorm_forward", "return list(r)")),
    ("deep.layernorm.layernorm", _wrap(LN, "layernorm_backward", "return list(r)")),
    ("arch.recurrent.lstm_cell", _wrap(LSTM, "lstm_cell_forward", "return [r[0], r[1], r[2]]")),
    ("nn.gradcheck.gradient_check", _wrap(GC, "gradient_check", "return [bool(r[0]), r[1]]")),
]


@pytest.fixture(scope="module")
def returns_pool() -> Iterator[WorkerPool]:
    """One warm worker at a time is enough for back-to-back grading."""
    with WorkerPool(size=1) as pool:
        LIVE_POOLS.append(pool)
        yield pool


@pytest.mark.parametrize(("checker", "source", "phrase"), WRONG, ids=[w[2][:40] for w in WRONG])
def test_a_wrong_number_of_values_is_named(
    returns_pool: WorkerPool, checker: str, source: str, phrase: str
) -> None:
    verdict = grade(get_checker(checker), source, seed=5, pool=returns_pool)
    assert verdict.status is Status.FAILED, shown(verdict)
    assert phrase in shown(verdict), shown(verdict)
    assert "invalid return" not in shown(verdict)
    entries = get_checker(checker).entries
    local = grade_inprocess(get_checker(checker), load_submission(source, entries), seed=5)
    assert local.status is Status.FAILED and phrase in shown(local), shown(local)


@pytest.mark.parametrize(("checker", "source"), RIGHT, ids=[r[0] for r in RIGHT])
def test_lists_in_place_of_tuples_pass(returns_pool: WorkerPool, checker: str, source: str) -> None:
    verdict = grade(get_checker(checker), source, seed=5, pool=returns_pool)
    assert verdict.status is Status.PASSED, shown(verdict)


class _Odd:
    pass


SAMPLES: list[object] = [
    None,
    np.zeros(3),
    1.5,
    2,
    np.float32(1.0),
    True,
    np.bool_(False),
    "s",
    {},
    _Odd(),
    (1,),
    [],
]


def test_every_code_has_words() -> None:
    """`return_code` only sends codes the parent's table describes."""
    for value in SAMPLES:
        code = return_code(value)
        assert type(code) is int and (code in KINDS or 0 <= code <= MAX_LENGTH)
        assert describe_return(code) != "something else"
    assert return_code((0,) * 5000) == MAX_LENGTH


@pytest.mark.parametrize("name", ["batchnorm", "layernorm", "lstm", "dropout", "gradcheck"])
def test_each_shipped_harness_holds_the_helper_not_its_import(name: str) -> None:
    """The child cannot import engine: the text it gets runs on its own (numpy and the
    standard library only) and its `return_code` is the shared one."""
    written = (HARNESS_DIR / f"{name}.py").read_text(encoding="utf-8")
    assert "from engine.harnesses._returns import " in written  # the norms' through their call
    text = harness_sources()[name]
    assert "import engine" not in text and "from engine" not in text
    namespace: dict[str, object] = {"__name__": "harness"}
    exec(compile(text, f"harness/{name}.py", "exec"), namespace)
    shipped = namespace["return_code"]
    assert callable(shipped) and shipped is not return_code
    assert [shipped(v) for v in SAMPLES] == [return_code(v) for v in SAMPLES]


@pytest.mark.parametrize("forged", ["<b>ndarray</b>", -99, 10**9, True, 1.0, None, [1]])
def test_a_forged_code_gets_neutral_words(forged: object) -> None:
    """A code is read through a fixed table: the child's text or a stray number never shows."""
    assert wrong_return("f", "(a, b)", forged) == "f should return (a, b), got something else"


def test_the_wire_still_refuses_strings_in_results() -> None:
    fields = {"out": {"$d": {"bad_forward": "ndarray"}}}
    with pytest.raises(wire.WireError, match="got a string"):
        wire.decode_field(fields, "out", bytearray(), allow_str=False, path="result")


NONE_RETURNS = [
    (
        "nn.softmax.softmax",
        "import numpy as np\n\n\ndef softmax(z):\n    e = np.exp(z - z.max(axis=0))\n"
        "    e / e.sum(axis=0)\n",
        "softmax(z) returned None (did it forget to `return`?)",
    ),
    (
        "nn.activations.sigmoid",
        "import numpy as np\n\n\ndef sigmoid(z):\n    out = 1 / (1 + np.exp(-z))\n    print(out)\n",
        "sigmoid(z) returned None (did it forget to `return`?)",
    ),
]


@pytest.mark.parametrize(("checker", "source", "phrase"), NONE_RETURNS, ids=["softmax", "sigmoid"])
def test_a_none_return_names_the_function(
    returns_pool: WorkerPool, checker: str, source: str, phrase: str
) -> None:
    verdict = grade(get_checker(checker), source, seed=5, pool=returns_pool)
    assert verdict.status is Status.INVALID, shown(verdict)
    assert phrase in shown(verdict) and "out['out']" not in shown(verdict), shown(verdict)
    entries = get_checker(checker).entries
    local = grade_inprocess(get_checker(checker), load_submission(source, entries), seed=5)
    assert local.status is Status.INVALID and phrase in shown(local), shown(local)


def test_only_the_call_harness_exact_report_names_a_none_return() -> None:
    softmax = get_checker("nn.softmax.softmax")
    (case, *_) = softmax.make_cases(np.random.default_rng(0), {})
    assert softmax.returned_none(case, {"returned_none": 1}) is not None
    for forged in ({"returned_none": 2}, {"returned_none": True}, {"out": np.ones(1)}, {}):
        assert softmax.returned_none(case, forged) is None


UNENCODABLE_RETURNS = [
    (
        "nn.activations.sigmoid",
        "import numpy as np\n\n\ndef sigmoid(z):\n    return (1 / (1 + np.exp(-v)) for v in z)\n",
        "invalid return: the returned value: got a generator",
    ),
    (
        "deep.clipping.clip_grad_norm",
        "import numpy as np\n\n\ndef clip_grad_norm(grads, max_norm):\n"
        "    total = float(np.sqrt(sum(np.sum(g * g) for g in grads)))\n"
        "    scale = max_norm / total if total > max_norm else 1.0\n"
        "    return map(lambda g: g * scale, grads), total\n",
        "invalid return: the returned value, item [0]: got a map",
    ),
    (
        "nn.minibatch.random_mini_batches",
        "def random_mini_batches(X, Y, batch_size, rng):\n"
        "    p = rng.permutation(X.shape[1])\n"
        "    for k in range(0, X.shape[1], batch_size):\n"
        "        yield X[:, p[k : k + batch_size]], Y[:, p[k : k + batch_size]]\n",
        "invalid return: the returned value: got a generator",
    ),
]


@pytest.mark.parametrize(
    ("checker", "source", "phrase"), UNENCODABLE_RETURNS, ids=["call", "call-item", "seeded"]
)
def test_an_unencodable_return_is_named_in_the_users_words(
    returns_pool: WorkerPool, checker: str, source: str, phrase: str
) -> None:
    """A generator or map object cannot cross the wire; the message names the returned value,
    not the harness's keys (it read "out['out'][0]: got map" and "out['first']")."""
    verdict = grade(get_checker(checker), source, seed=5, pool=returns_pool)
    assert verdict.status is Status.INVALID, shown(verdict)
    assert phrase in shown(verdict) and "out['" not in shown(verdict), shown(verdict)


HUGE_INTS = {
    "one": "import sys\n\nsys.set_int_max_str_digits(0)\n\n\ndef double(x):\n    return 10**200000\n",
    "many": "def double(x):\n    return [10**4000] * 2000\n",
}
"""Ints no drill returns, which Python turns into digits (and back) in time that grows with the
square of their length: the first read as "the result channel carried data the protocol does
not allow (did the code write to file descriptors it does not own?)", since the app's own
limit refused its digits; the second, under that limit, took the app 1.3 s to read."""


@pytest.mark.parametrize("how", list(HUGE_INTS))
def test_an_int_too_large_for_the_wire_is_named(pool: WorkerPool, how: str) -> None:
    verdict = grade(PatientDoubleChecker(), HUGE_INTS[how], seed=1, pool=pool)
    assert verdict.status is Status.INVALID, shown(verdict)
    assert "bits is too large to send; a number must fit in 64 bits" in shown(verdict)
    assert "file descriptors" not in shown(verdict), shown(verdict)


def test_the_app_refuses_a_long_integer_before_reading_it() -> None:
    """The child's encoder is the submission's to change: the app bounds the digits itself."""
    assert wire._loads(bytearray(b'{"x": [18446744073709551615, -9223372036854775808]}')) == {
        "x": [2**64 - 1, -(2**63)]
    }
    with pytest.raises(wire.WireError, match="an integer of 4000 digits"):
        wire._loads(bytearray(b'{"x": ' + b"9" * 4000 + b"}"))
