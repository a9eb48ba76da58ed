"""The dtypes and containers a real answer can return, and a recursion limit the code lowers.

Each result is what a candidate's code gives (the sigmoid, cross-entropy and clip-grad-norm
drills), graded as the app grades it: the same numbers in another byte order pass; a narrower
or wider float, a complex, object, integer or bool array, a list where an array is asked and
numpy's ndarray subclasses each fail with a message that names the entry, what it is and what
to do, never a traceback or "internal error". The sandboxed tests run the child, where a
lowered recursion limit once broke the grader's own encoding of a right result.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checkers.base import Checker
from engine.grade_inprocess import grade_source_inprocess
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.verdict import Verdict
from tests.engine.answer_files import DRILLS, Answer, answers
from tests.sandbox.helpers import LIVE_POOLS

SIGMOID = get_checker("nn.activations.sigmoid")
LOSS = get_checker("nn.softmax.cross_entropy")
CLIP = get_checker("deep.clipping.clip_grad_norm")

STABLE = (
    "import numpy as np\n\n\n"
    "def _stable(z):\n"
    "    z = np.asarray(z, dtype=np.float64)\n"
    "    return 0.5 * (1.0 + np.tanh(0.5 * z))\n\n\n"
)
LOSS_HEAD = (
    "import numpy as np\n\n\ndef _loss(y_hat, y):\n    return -np.mean(np.log(y_hat[y == 1]))\n\n\n"
)


def sigmoid_returning(expression: str) -> str:
    """A right sigmoid whose result `r` is returned as `expression` makes it."""
    return STABLE + f"def sigmoid(z):\n    r = _stable(z)\n    return {expression}\n"


def loss_returning(expression: str) -> str:
    """A right cross-entropy whose loss `r` (an np.float64) is returned as `expression`."""
    return (
        LOSS_HEAD
        + f"def cross_entropy(y_hat, y):\n    r = _loss(y_hat, y)\n    return {expression}\n"
    )


def shown(verdict: Verdict) -> str:
    first = verdict.first_failure.message if verdict.first_failure else ""
    return f"{verdict.status.value} || {verdict.summary} || {first}"


def graded(checker: Checker, source: str) -> str:
    """The verdict in-process, as the app's grading says it (the wire's words included)."""
    return shown(grade_source_inprocess(checker, source, seed=1))


BIG_ENDIAN = [
    sigmoid_returning("r.astype('>f8')"),
    sigmoid_returning("np.frombuffer(r.astype('>f8').tobytes(), dtype='>f8').reshape(r.shape)"),
    sigmoid_returning("r.byteswap().view(r.dtype.newbyteorder())"),
]


@pytest.mark.parametrize("source", BIG_ENDIAN, ids=["astype", "frombuffer", "byteswap-view"])
@pytest.mark.parametrize("seed", [0, 5])
def test_float64_in_big_endian_byte_order_is_float64(source: str, seed: int) -> None:
    """`>f8` holds the same numbers as `<f8`: it failed as "has dtype >f8; expected float64"."""
    verdict = grade_source_inprocess(SIGMOID, source, seed=seed)
    assert verdict.passed, shown(verdict)


BIG_ENDIAN_WRAPPER = """

import numpy as _np


def _big_endian(value):
    if type(value) is _np.ndarray and value.dtype.kind == "f" and value.dtype.isnative:
        return value.astype(value.dtype.newbyteorder())
    if type(value) in (list, tuple):
        return type(value)(_big_endian(item) for item in value)
    if type(value) is dict:
        return {key: _big_endian(item) for key, item in value.items()}
    return value


def _returning_big_endian(function):
    def call(*args, **kwargs):
        return _big_endian(function(*args, **kwargs))

    return call
"""


def _first_correct_answers() -> list[Answer]:
    first: dict[str, Answer] = {}
    for answer in answers():
        if answer.path.stem.startswith("correct_"):
            first.setdefault(answer.drill, answer)
    return list(first.values())


FIRST_CORRECT = _first_correct_answers()


@pytest.mark.parametrize("answer", FIRST_CORRECT, ids=[a.drill for a in FIRST_CORRECT])
def test_every_drill_takes_its_arrays_in_big_endian_byte_order(answer: Answer) -> None:
    """A correct answer of each drill with every float array it returns (in lists, tuples
    and dicts too) turned big-endian still passes: no checker looks at the byte order."""
    checker = get_checker(answer.checker)
    source = (
        answer.source
        + BIG_ENDIAN_WRAPPER
        + "".join(f"{name} = _returning_big_endian({name})\n" for name in checker.entries)
    )
    verdict = grade_source_inprocess(checker, source, seed=2)
    assert verdict.passed, shown(verdict)


@pytest.mark.parametrize(
    "expression", ["np.array(r, dtype='>f8')", "np.array([r], dtype='>f8')", "r.astype('>f8')"]
)
def test_a_big_endian_float64_number_is_a_float64_number(expression: str) -> None:
    """A 0-d or one-item `>f8` loss was told "is np.longdouble, which keeps more digits"."""
    verdict = grade_source_inprocess(LOSS, loss_returning(expression), seed=2)
    assert verdict.passed, shown(verdict)


NARROW = [
    ("r.astype(np.float32)", "float32", "7"),
    ("r.astype(np.float16)", "float16", "3"),
    ("r.astype('>f4')", "float32", "7"),
]


@pytest.mark.parametrize(("expression", "name", "digits"), NARROW)
def test_a_narrow_float_result_names_the_entry_the_dtype_and_what_to_do(
    expression: str, name: str, digits: str
) -> None:
    message = graded(SIGMOID, sigmoid_returning(expression))
    assert message.startswith("failed"), message
    assert f"sigmoid(...) has dtype {name}; expected float64" in message
    assert f"{name} keeps about {digits} significant digits" in message
    assert "compute it in float64 throughout" in message
    assert ">f4" not in message  # the width fails, not the byte order


@pytest.mark.parametrize(
    ("expression", "name"),
    [("np.float32(r)", "float32"), ("np.array(r, dtype=np.float16)", "float16")],
)
def test_a_narrow_float_loss_is_told_the_same(expression: str, name: str) -> None:
    message = graded(LOSS, loss_returning(expression))
    assert f"the loss is a {name} number; expected float64" in message, message
    assert "compute it in float64 throughout" in message


def test_a_float32_array_among_several_is_named_by_its_place() -> None:
    """One clipped gradient in float32 names that one, clipped[1], not the whole result."""
    source = (
        "import numpy as np\n\n\n"
        "def clip_grad_norm(grads, max_norm):\n"
        "    total = float(np.sqrt(sum(np.vdot(g, g) for g in grads)))\n"
        "    scale = min(1.0, max_norm / total) if total > 0 else 1.0\n"
        "    out = [g * scale for g in grads]\n"
        "    if len(out) > 1:\n"
        "        out[1] = out[1].astype(np.float32)\n"
        "    return out, total\n"
    )
    for seed in (0, 3):
        message = shown(grade_source_inprocess(CLIP, source, seed=seed))
        assert "clipped[1] has dtype float32; expected float64: float32 keeps" in message, message


FAILING = [
    # (what a candidate returns, the words the verdict must hold)
    (
        "r.astype(np.complex128)",
        "imaginary parts are all 0; the drills return real numbers, so return its .real",
    ),
    ("r + 1e-3j", "complex numbers; the drills return real numbers"),
    (
        "r.astype(object)",
        "dtype object is not accepted (numpy holds Python objects in it, not numbers): build",
    ),
    ("(r > 0.5).astype(int)", "has dtype int64; expected float64: it holds only 0s and 1s"),
    ("np.round(r * 10).astype(np.int32)", "has dtype int32; expected float64: an integer array"),
    ("r > 0.5", "has dtype bool; expected float64 (convert with .astype(np.float64))"),
    ("r.tolist()", "should be a numpy array, got a list (wrap it with np.array(...))"),
    ("tuple(r.tolist())", "should be a numpy array, got a tuple (wrap it with np.array(...))"),
    (
        "np.asmatrix(r) if r.ndim == 2 else np.asmatrix(r[None])",
        "numpy.matrix, a subclass of numpy.ndarray that is always 2-D",
    ),
    ("np.ma.masked_array(r)", "masked entries hold no value the grader could compare"),
]


@pytest.mark.parametrize(("expression", "phrase"), FAILING, ids=[f[0] for f in FAILING])
def test_other_results_fail_with_a_specific_message(expression: str, phrase: str) -> None:
    message = graded(SIGMOID, sigmoid_returning(expression))
    assert message.split(" || ")[0] in ("failed", "invalid"), message
    assert phrase in message, message
    assert "Traceback" not in message and "internal error" not in message


@pytest.mark.skipif(
    np.dtype(np.longdouble).itemsize == 8, reason="np.longdouble is plain float64 here"
)
def test_a_longdouble_result_still_fails_with_its_reason() -> None:
    message = graded(SIGMOID, sigmoid_returning("r.astype(np.longdouble)"))
    assert "is np.longdouble, which keeps more digits than float64" in message, message


LOSSES = [
    ("r", "passed"),
    ("float(r)", "passed"),
    ("np.array(r)", "passed"),
    ("np.array([[r]])", "passed"),
    ("[float(r)]", "should be a number, got a list of one item: return the number itself"),
    ("complex(r)", "a complex number whose imaginary part is 0"),
    ("np.array(r, dtype=complex)", "imaginary parts are all 0"),
    ("np.array(float(r), dtype=object)", "dtype object"),
    (
        "np.longdouble(r) if np.dtype(np.longdouble).itemsize > 8 else np.float16(r)",
        "expected float64",
    ),
]


@pytest.mark.parametrize(("expression", "phrase"), LOSSES, ids=[f[0] for f in LOSSES])
def test_a_loss_as_each_kind_of_number(expression: str, phrase: str) -> None:
    """A Python float, an np.float64, a 0-d and a size-1 array are the same number; the rest
    fail with words that say what to return."""
    message = graded(LOSS, loss_returning(expression))
    assert phrase in message, message
    assert message.startswith("passed") == (phrase == "passed"), message
    assert "Traceback" not in message and "internal error" not in message


def test_no_drill_hands_the_answer_a_float_input_other_than_float64() -> None:
    """A float32 result is blamed on the answer: that is fair only while no Task gives a
    float32 (or other non-float64) input that a right answer would carry through."""
    odd: set[tuple[str, str]] = set()

    def walk(drill: str, value: object) -> None:
        if isinstance(value, np.ndarray | np.floating) and value.dtype.kind in "fc":
            if value.dtype != np.float64:
                odd.add((drill, str(value.dtype)))
        elif isinstance(value, dict):
            for item in value.values():
                walk(drill, item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(drill, item)

    for drill, name in DRILLS.items():
        for case in get_checker(name).make_cases(np.random.default_rng(4), {}):
            walk(drill, case.inputs)
    assert not odd


def test_a_raised_recursion_limit_is_left_for_the_next_call() -> None:
    """The grader puts back a limit the code lowered, never one it raised for deep recursion
    of its own (that would fail its second case)."""
    before = sys.getrecursionlimit()
    source = STABLE + (
        "import sys\n\n\n"
        "def sigmoid(z):\n"
        f"    sys.setrecursionlimit({before + 500})\n"
        "    return _stable(z)\n"
    )
    try:
        verdict = grade_source_inprocess(SIGMOID, source, seed=0)
        assert verdict.passed, shown(verdict)
        assert sys.getrecursionlimit() == before + 500
    finally:
        sys.setrecursionlimit(before)


LOWEST = (
    "import sys\n\n\n"
    "def lowest_limit():\n"
    "    n = 1\n"
    "    while True:\n"
    "        try:\n"
    "            sys.setrecursionlimit(n)\n"
    "            return\n"
    "        except RecursionError:\n"
    "            n += 1\n\n\n"
)


LOWERED_AFTER_EACH_CALL = """

import sys as _sys


def _lowest_limit():
    n = 1
    while True:
        try:
            _sys.setrecursionlimit(n)
            return
        except RecursionError:
            n += 1


def _then_lowest_limit(function):
    def call(*args, **kwargs):
        result = function(*args, **kwargs)
        _lowest_limit()
        return result

    return call
"""


@pytest.mark.parametrize("answer", FIRST_CORRECT, ids=[a.drill for a in FIRST_CORRECT])
def test_every_drill_grades_a_right_answer_that_lowers_the_limit_in_each_call(
    answer: Answer,
) -> None:
    """Each entry of a correct answer leaves the lowest limit Python accepts behind it. The
    harnesses that call two entries (batchnorm, layernorm, dropout) or one several times
    (initializers, the optimizers) failed with "your code raised RecursionError" and no
    line, after the first fix that put the limit back only once run_case returned."""
    checker = get_checker(answer.checker)
    source = (
        answer.source
        + LOWERED_AFTER_EACH_CALL
        + "".join(f"{name} = _then_lowest_limit({name})\n" for name in checker.entries)
    )
    limit = sys.getrecursionlimit()
    try:
        verdict = grade_source_inprocess(checker, source, seed=2)
    finally:
        sys.setrecursionlimit(limit)
    assert verdict.passed, shown(verdict)


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    with WorkerPool(size=1) as warm:
        LIVE_POOLS.append(warm)
        yield warm


@pytest.mark.parametrize("at", ["the call", "load"])
def test_a_right_answer_under_the_lowest_recursion_limit_is_graded_on_its_result(
    pool: WorkerPool, at: str
) -> None:
    """It read "invalid return: the result could not be encoded (RecursionError ...)"."""
    if at == "load":
        source = STABLE + LOWEST + "lowest_limit()\n\n\ndef sigmoid(z):\n    return _stable(z)\n"
    else:
        source = STABLE + LOWEST + "def sigmoid(z):\n    lowest_limit()\n    return _stable(z)\n"
    verdict = grade(SIGMOID, source, seed=3, pool=pool)
    assert verdict.passed, shown(verdict)


def test_a_limit_of_fifty_and_a_list_of_arrays(pool: WorkerPool) -> None:
    """sys.setrecursionlimit(50) before a list result (a deeper encoding than one array)."""
    source = (
        "import sys\n\nimport numpy as np\n\n\n"
        "def clip_grad_norm(grads, max_norm):\n"
        "    sys.setrecursionlimit(50)\n"
        "    total = float(np.sqrt(np.sum([np.vdot(g, g) for g in grads])))\n"
        "    scale = min(1.0, max_norm / total) if total > 0 else 1.0\n"
        "    return [g * scale for g in grads], total\n"
    )
    verdict = grade(CLIP, source, seed=3, pool=pool)
    assert verdict.passed, shown(verdict)


def test_a_wrong_answer_under_a_lowered_limit_still_fails_on_its_values(pool: WorkerPool) -> None:
    source = STABLE + LOWEST + "def sigmoid(z):\n    lowest_limit()\n    return _stable(-z)\n"
    message = shown(grade(SIGMOID, source, seed=3, pool=pool))
    assert message.startswith("failed"), message
    assert "could not be encoded" not in message


def test_a_deeply_nested_result_gets_a_clear_verdict(pool: WorkerPool) -> None:
    """A loss wrapped in a list at every step: told where and what to return, briefly."""
    source = loss_returning("r").replace(
        "    return r\n",
        "    out = float(r)\n    for _ in range(5000):\n        out = [out]\n    return out\n",
    )
    message = shown(grade(LOSS, source, seed=3, pool=pool))
    assert message.startswith("invalid"), message
    assert "item [0][0][0]...: lists, tuples or dicts nested more than 32 levels deep" in message
    assert "return what the Task asks for" in message
    assert message.count("[0]") < 10, message


def test_big_endian_and_complex_results_through_the_sandbox(pool: WorkerPool) -> None:
    """The wire carries `>f8` as it is; a complex array is told to return its .real."""
    verdict = grade(SIGMOID, BIG_ENDIAN[1], seed=3, pool=pool)
    assert verdict.passed, shown(verdict)
    message = shown(grade(SIGMOID, sigmoid_returning("r + 0j"), seed=3, pool=pool))
    assert "imaginary parts are all 0" in message and "return its .real" in message, message
