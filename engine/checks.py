"""Comparisons and statistical tests that turn a submission's plain data into a CaseResult.

`Judgement` collects the checks of one case and stops at the first problem
(raising `CaseFailure`), so a checker reads as a list of expectations. The
statistical helpers use exact tails or rigorous Chernoff bounds, so the stated
false-failure rate is an upper bound, not an approximation.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping, MappingView, Sequence, Set
from dataclasses import dataclass
from typing import Any, NoReturn

import numpy as np
from numpy.typing import NDArray

from engine.outcome import NOT_WRITTEN
from engine.verdict import CaseResult, CaseStatus

__all__ = [
    "Axes",
    "FALSE_FAILURE_RATE",
    "FLOAT16_CLOSE",
    "FLOAT32_CLOSE",
    "FLOAT32_STEPS",
    "CaseFailure",
    "Judgement",
    "Tolerance",
    "binomial_bounds",
    "binomial_range_bounds",
    "binomial_range_cdf",
    "chi2_mean_bounds",
    "compare",
    "fmt",
    "float16_only",
    "float32_digits",
    "float32_only",
    "fmt_pair",
    "max_abs_error",
    "narrow_far",
    "math_module_note",
    "missing_module_note",
    "dtype_name",
    "is_float64",
    "not_float64_reason",
    "not_written_message",
    "size_as_dtype_note",
    "normal_z",
    "rel_error",
    "rel_errors",
    "scale_factor",
    "type_phrase",
    "within_float32_steps",
]

FALSE_FAILURE_RATE = 1e-6
"""Upper bound on the chance that a correct random drill fails one grading."""

Array = NDArray[np.float64]

_MISSING_MODULE = re.compile(r"No module named '([A-Za-z_][\w.]*)'$", re.MULTILINE)


VECTORIZE_INT = (
    "; np.vectorize without otypes= makes one too: it takes the whole array's dtype from "
    "the function's first result, so a `return 0` there truncates every value "
    "(pass otypes=[np.float64])"
)
"""Said of every integer result: a vectorized scalar function's int branch is a cause the
other sentences do not name."""


def missing_module_note(error: str) -> str:
    """A sentence to add to an error that is Python's own "No module named 'scipy'": drills
    get NumPy and the standard library only. Empty for other errors, and for the sandbox's
    refusals, which already say why ("...: the sandbox does not provide it to drills")."""
    match = _MISSING_MODULE.search(error)
    if match is None:
        return ""
    top = match.group(1).partition(".")[0]
    return (
        f"drills run with NumPy and the Python standard library only, so {top} is not "
        "available here: write that part with NumPy (the prompt's formulas are all it needs)"
    )


def math_module_note(error: str) -> str:
    """A sentence to add to Python's own "math range error" or "math domain error": the
    math module raises where numpy would warn, and a bare "OverflowError: math range error"
    over a log-sum-exp or a sigmoid said nothing of the shift that avoids it. Empty for
    other errors."""
    if re.search(r"^OverflowError: math range error$", error, re.MULTILINE):
        return (
            "math.exp overflows past an argument of about 709.78 (float64's largest number "
            "is about 1.8e308), and the math module raises where numpy would warn: subtract "
            "the largest value before exponentiating (exp(v - max) in a log-sum-exp or a "
            "softmax), or use exp(-|z|) in a sigmoid"
        )
    if re.search(r"^ValueError: math domain error$", error, re.MULTILINE):
        return (
            "math.log got 0 or a negative number (or math.sqrt a negative one): a sum of "
            "exponentials is 0 when every exp underflowed, below an argument of about -745, "
            "so subtract the largest value before exponentiating (exp(v - max)) and add it "
            "back after the log"
        )
    return ""


_SIZE_AS_DTYPE = re.compile(r"^TypeError: Cannot interpret '(\d+)' as a data type$", re.MULTILINE)


def _holds_the_array(value: tuple[Any, ...], shape: tuple[int, ...]) -> bool:
    """Whether a returned tuple's first item is an array of the expected shape, and some
    other item is an array too (of any shape: `return theta, grad` gives two of one shape):
    more results than the one asked for."""
    first = value[0] if value else None
    return (
        isinstance(first, np.ndarray)
        and first.shape == shape
        and any(isinstance(v, np.ndarray) for v in value[1:])
    )


def size_as_dtype_note(error: str) -> str:
    """A sentence to add to numpy's "Cannot interpret '4' as a data type": the shape given
    as two arguments, np.zeros(T, d), whose second one numpy reads as the dtype. Empty for
    other errors."""
    match = _SIZE_AS_DTYPE.search(error)
    if match is None:
        return ""
    size = match.group(1)
    return (
        f"a size, {size}, was passed where numpy expects a dtype: np.zeros(T, {size}) (or "
        f"np.ones, np.empty) reads its second argument as the dtype; the shape is one tuple, "
        f"np.zeros((T, {size}))"
    )


_NOT_IMPLEMENTED = re.compile(r"NotImplementedError(?::|\n|$)")
# a frame's line text follows its colon, or is left out when the grader has none to show
_FRAME = re.compile(r"^\s*line (\d+), in ([A-Za-z_]\w*)(?::|$)", re.MULTILINE)


def not_written_message(error: str) -> str | None:
    """What a case says when the code raised NotImplementedError, as every starter does, or
    None for any other error. A first grading of the starter read "your code raised
    NotImplementedError" over its own `raise` line, a traceback for a drill not begun."""
    if _NOT_IMPLEMENTED.match(error) is None:
        return None
    frames = _FRAME.findall(error)
    # the first line alone stands in a case's row: the name, then what to do under it
    if not frames:
        return f"your code {NOT_WRITTEN}\nit raises NotImplementedError: write it as the Task asks"
    line, function = frames[-1]
    return (
        f"{function} {NOT_WRITTEN}\nit still raises NotImplementedError (line {line}), as the"
        " starter does: replace that line with your code, as the Task asks"
    )


def rel_errors(x: Any, y: Any) -> Array:
    """Elementwise |x - y| / max(1e-8, |x| + |y|), as in CS231n."""
    xa = np.asarray(x, dtype=np.float64)
    ya = np.asarray(y, dtype=np.float64)
    with np.errstate(all="ignore"):
        out: Array = np.abs(xa - ya) / np.maximum(1e-8, np.abs(xa) + np.abs(ya))
    return out


def rel_error(x: Any, y: Any) -> float:
    """The CS231n relative error: max over elements of |x - y| / max(1e-8, |x| + |y|)."""
    r = rel_errors(x, y)
    return float(r.max()) if r.size else 0.0


def max_abs_error(x: Any, y: Any) -> float:
    """max |x - y| over elements (0 for empty arrays)."""
    d = np.abs(np.asarray(x, dtype=np.float64) - np.asarray(y, dtype=np.float64))
    return float(d.max()) if d.size else 0.0


def fmt(v: float) -> str:
    """A number short enough for one line."""
    return f"{v:.6g}"


def fmt_pair(expected: float, got: float) -> tuple[str, str]:
    """Both numbers with just enough digits to show that they differ."""
    for digits in (6, 9, 12, 17):
        e, g = f"{expected:.{digits}g}", f"{got:.{digits}g}"
        if e != g:
            return e, g
    return e, g


@dataclass(frozen=True)
class Tolerance:
    """An element passes when its relative error <= rtol or its absolute error <= atol."""

    rtol: float
    atol: float = 0.0

    def __str__(self) -> str:
        text = f"rel error <= {self.rtol:.0e}"
        if self.atol:
            text += f" or abs error <= {self.atol:.0e}"
        return text + " per element"

    def violation(self, got: Array, expected: Array) -> Array:
        """How far past the tolerance each element is (<= 1 means it passes)."""
        with np.errstate(all="ignore"):
            by_rel = rel_errors(got, expected) / self.rtol if self.rtol else np.inf
            by_abs = np.abs(got - expected) / self.atol if self.atol else np.inf
            out: Array = np.minimum(by_rel, by_abs)
        return out


class CaseFailure(Exception):
    """The first problem found in a case; Judgement turns it into a CaseResult."""

    def __init__(
        self,
        message: str,
        *,
        status: CaseStatus = CaseStatus.FAILED,
        expected: str | None = None,
        got: str | None = None,
        max_abs: float | None = None,
        max_rel: float | None = None,
        tolerance: str | None = None,
        problem: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.expected = expected
        self.got = got
        self.max_abs = max_abs
        self.max_rel = max_rel
        self.tolerance = tolerance
        self.problem = problem


def _index(label: str, idx: tuple[int, ...]) -> str:
    return f"{label}[{', '.join(str(i) for i in idx)}]" if idx else label


def type_phrase(value: Any) -> str:
    """'a float64 array', 'an int': the article as the word wants it ('got a int' read as a
    typo in the one line a learner was given)."""
    name = f"{value.dtype} array" if isinstance(value, np.ndarray) else type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


LAZY_HINT = ", which hands out its values one at a time; return a list of them instead (list(...))"
"""Told a drill that returned a generator (a mini-batches answer that `yield`s), a map or a
set where a list was asked for: the sandbox's wire says the same."""


def is_float64(dtype: np.dtype[Any]) -> bool:
    """True for float64 in either byte order: `>f8` (np.frombuffer of network-order bytes, a
    `.byteswap().view(...)`) holds the same numbers as `<f8`, yet `!= np.float64` called it
    another dtype and failed a right answer as "has dtype >f8"."""
    return dtype.kind == "f" and dtype.itemsize == 8


def dtype_name(dtype: np.dtype[Any]) -> str:
    """A dtype's name in native byte order ('float32' for `>f4`): a message that said ">f4"
    named the byte order, which is not what fails, and not the width, which is."""
    return str(dtype.newbyteorder("="))


_DIGITS = {2: 3, 4: 7}
"""Significant decimal digits a float of that many bytes keeps (float64 keeps about 16)."""


def not_float64_reason(dtype: np.dtype[Any]) -> str:
    """Why a float dtype other than float64 fails a drill, and what to do, as the end of a
    sentence.

    A narrower one (float16, float32) keeps fewer digits: the result must be computed in
    float64 throughout, since a final `.astype(np.float64)` keeps the digits already lost. A
    wider one is np.longdouble (float96, float128): it keeps more digits here, but the drills'
    contract is float64 (what the SPEC's conventions and every array check ask for) and its
    width is the machine's choice (plain float64 on Windows and Apple silicon), so the same
    code gives different results on another machine.
    """
    name = dtype_name(dtype)
    if dtype.itemsize < np.dtype(np.float64).itemsize:
        digits = _DIGITS.get(dtype.itemsize, 3)
        return (
            f"{name} keeps about {digits} significant digits, float64 about 16, so compute it "
            f"in float64 throughout (no np.{name} constants, dtype=np.{name} arrays or "
            f".astype(np.{name})); an .astype(np.float64) at the end keeps the digits "
            f"already lost"
        )
    return (
        f"{name} is np.longdouble, which keeps more digits than float64 on this machine but "
        "is plain float64 on others (Windows, Apple silicon), so the drills ask for float64: "
        "return float(...) or compute it in float64"
    )


def scale_factor(got: Array, expected: Array, tol: Tolerance) -> float | None:
    """k when got is k * expected (k not 1) within the tolerance, else None. Both are divided
    by expected's largest magnitude first, so values near 1e300 do not overflow the sums."""
    if got.shape != expected.shape:
        return None
    peak = float(np.max(np.abs(expected))) if expected.size else 0.0
    if peak == 0.0 or not np.isfinite(peak):
        return None
    with np.errstate(all="ignore"):
        e, g = expected / peak, got / peak
        k = float(np.sum(g * e)) / float(np.sum(e * e))
    if not np.isfinite(k) or abs(k - 1.0) < 1e-6 or k == 0.0:
        return None
    if np.all(tol.violation(got, k * expected) <= 1.0):
        return k
    return None


FLOAT32_CLOSE = 1e-4
"""How near (relative to the largest expected value) a float32 result must be to be called
float32 rounding: about 800 float32 steps, room for rounding that grows through a sum or an
angle, yet far below what a wrong formula gives."""


def float32_only(got: Array, expected: Array) -> bool:
    """True when `got` was computed in float32 and cast: every value is exactly a float32
    number while some expected values are not (a float64 result is one by chance with odds
    about 2**-29 per value), and `got` is within FLOAT32_CLOSE of `expected`."""
    return _narrow_only(got, expected, np.float32, FLOAT32_CLOSE)


FLOAT16_CLOSE = 1e-2
"""How near (relative to the largest expected value) a float16 result must be to be called
float16 rounding: float16 keeps about 3 digits (its step at 1 is about 1e-3), and rounding
grows through a product or an angle; a wrong formula is further off."""


def float16_only(got: Array, expected: Array) -> bool:
    """True when `got` was computed in float16 and cast (as `float32_only`, for float16:
    a float64 value is a float16 number by chance with odds about 2**-42)."""
    return _narrow_only(got, expected, np.float16, FLOAT16_CLOSE)


def _narrow_only(got: Array, expected: Array, narrow: type[np.floating[Any]], close: float) -> bool:
    """Every value of `got`, and not every expected one, is a `narrow` number, and `got` is
    within `close` of `expected` (relative to its largest value)."""
    if got.shape != expected.shape or got.size == 0:
        return False
    with np.errstate(all="ignore"):
        got_is_narrow = bool(np.all(got.astype(narrow).astype(np.float64) == got))
        expected_is_narrow = bool(np.all(expected.astype(narrow).astype(np.float64) == expected))
        scale = max(float(np.abs(expected).max()), 1e-30)
        near = bool(np.all(np.abs(got - expected) <= close * scale))
    return got_is_narrow and not expected_is_narrow and near


def narrow_far(got: Array, expected: Array, narrow: type[np.floating[Any]]) -> bool:
    """True when every value of `got`, and not every expected one, is a `narrow` number,
    and some value has digits no simple number has (6 significant bits or more, and not a
    multiple of 1/16): computed in `narrow` and cast, yet further off than `float16_only`
    allows, as a difference of near-equal values in float16 (1 - s for s near 1) leaves it.
    A float64 result is such a number by chance with odds of 2**-29 (float32) or 2**-42
    (float16) per value; integer or half-integer slips are not taken for it."""
    if got.shape != expected.shape or got.size == 0:
        return False
    with np.errstate(all="ignore"):
        got_is_narrow = bool(np.all(got.astype(narrow).astype(np.float64) == got))
        expected_is_narrow = bool(np.all(expected.astype(narrow).astype(np.float64) == expected))
        finite = got[np.isfinite(got)]
        mantissa, _ = np.frexp(finite)
        many_bits = np.ldexp(mantissa, 6) % 1.0 != 0.0
        fraction = (finite * 16.0) % 1.0 != 0.0
    return got_is_narrow and not expected_is_narrow and bool(np.any(many_bits & fraction))


FLOAT32_STEPS = 2.0**-21
"""How near (relative to the largest expected value) a result that mixes float32 steps with
float64 ones must be to be told about float32: eight float32 steps of rounding, about 5e-7,
well above the grader's float64 tolerances and well below a wrong formula's error."""


def float32_digits(got: Array, expected: Array) -> bool:
    """True when `got` is within FLOAT32_STEPS of `expected` everywhere, and its errors are
    neither one offset nor one factor (a tiny offset or factor has another cause): what a
    float32 step in a float64 computation leaves, such as statistics computed in float32 and
    then scaled in float64 (the result need not be a float32 number, as float32_only requires)."""
    if not within_float32_steps(got, expected):
        return False
    with np.errstate(all="ignore"):  # a tiny expected value makes a huge ratio: no matter
        off = (got - expected).reshape(-1)
        nonzero = expected.reshape(-1) != 0.0
        ratios = off[nonzero] / expected.reshape(-1)[nonzero]
        return not _one_value(off) and not _one_value(ratios)


def within_float32_steps(got: Array, expected: Array) -> bool:
    """True when `got` differs from `expected` somewhere, and nowhere by more than
    FLOAT32_STEPS (relative to the largest expected value)."""
    if got.shape != expected.shape or got.size == 0:
        return False
    with np.errstate(all="ignore"):
        scale = max(float(np.abs(expected).max()), 1e-30)
        off = np.abs(got - expected)
        return bool(np.any(off)) and bool(np.all(off <= FLOAT32_STEPS * scale))


def _one_value(values: Array) -> bool:
    """True when `values` (none of them inf or NaN) are all the same to within 1%."""
    return values.size < 2 or float(np.ptp(values)) <= 0.01 * float(np.abs(values).max())


Axes = tuple[tuple[str, str], tuple[str, str]]
"""What a 2-D result's rows and columns hold, each as (symbol, words): (("n", "features"),
("m", "examples")) for an (n, m) array; a symbol "1" marks an axis of size 1 (a column's
columns), whose words are not used."""

Hint = tuple[str, Any]
"""(message, the value a known mistake would produce, or a callable computing it on demand)."""


class Judgement:
    """The checks of one case; each method raises CaseFailure at the first problem."""

    def __init__(self, name: str, inputs: str, prepared: Any = None) -> None:
        self.name = name
        self.inputs = inputs
        self.prepared = prepared
        """What the checker's `prepare` returned for this case (None when it prepares nothing)."""
        self.max_abs: float | None = None
        self.max_rel: float | None = None
        self.tolerances: list[str] = []

    def fail(self, message: str, **fields: Any) -> NoReturn:
        """Stop this case with a plain-words reason."""
        raise CaseFailure(message, **fields)

    def array(
        self,
        label: str,
        value: Any,
        shape: tuple[int, ...] | None = None,
        *,
        float64: bool = True,
        nonfinite: Sequence[Hint] = (),
        tol: Tolerance | None = None,
        axes: Axes | None = None,
    ) -> Array:
        """`value` as a finite numeric ndarray of the expected shape (float64 unless told).

        A result with NaN or inf is named by the first of the `nonfinite` hints whose value
        has NaN, +inf and -inf at exactly the same places and its finite values within `tol`
        (a known formula that goes non-finite on these inputs, e.g. the sqrt of a negative).
        `axes` says what the rows and columns of a 2-D `shape` hold, for a result whose two
        sizes came back swapped.
        """
        if value is None:
            self.fail(f"{label} is None: did you forget to return it?")
        if not isinstance(value, np.ndarray):
            hint = " (wrap it with np.array(...))" if isinstance(value, list | tuple) else ""
            if isinstance(value, tuple) and shape is not None and _holds_the_array(value, shape):
                # (out, weights) returned where out alone is asked: np.array(...) of the
                # tuple would be no answer
                hint = (
                    f" of {len(value)} items, the first of them the expected {shape} array: "
                    "return that array alone, not a tuple with other results"
                )
            self.fail(f"{label} should be a numpy array, got {type_phrase(value)}{hint}")
        if value.dtype.kind not in "biuf":
            self.fail(f"{label} has dtype {value.dtype}; expected a numeric array")
        if float64 and not is_float64(value.dtype):
            extra = ""
            if value.dtype.kind == "b":
                extra = " (convert with .astype(np.float64))"
            elif value.dtype.kind in "iu" and value.size and bool(np.isin(value, (0, 1)).all()):
                # 0s and 1s are most likely integer literals (a ReLU derivative written
                # np.where(z > 0, 1, 0)), where nothing was lost; the accumulator cause stays
                extra = (
                    ": it holds only 0s and 1s, as np.where(cond, 1, 0) or cond.astype(int) "
                    "gives, so write the literals as floats (np.where(cond, 1.0, 0.0)) or "
                    "convert with .astype(np.float64); an integer array drops the fractions of "
                    "whatever is stored in it, so if it was built with dtype=int and added "
                    "into, build it as float64 instead (np.zeros(shape))" + VECTORIZE_INT
                )
            elif value.dtype.kind in "iu":
                # an array made with dtype=int (or np.zeros_like of integer ids) and then added
                # into keeps only whole numbers: converting afterwards cannot bring them back
                extra = (
                    ": an integer array drops the fractions of whatever is stored in it, so build "
                    "it as float64 (np.zeros(shape), not dtype=int or np.zeros_like of an "
                    "integer array); .astype(np.float64) helps only if nothing was dropped"
                    + VECTORIZE_INT
                )
            elif value.dtype.kind == "f":
                extra = f": {not_float64_reason(value.dtype)}"
            self.fail(f"{label} has dtype {dtype_name(value.dtype)}; expected float64{extra}")
        if shape is not None and value.shape != shape:
            self.fail(
                f"{label} has shape {value.shape}; expected {shape}"
                + _shape_hint(value.shape, shape, axes)
            )
        arr = np.asarray(value, dtype=np.float64)
        bad = ~np.isfinite(arr)
        if bad.any():
            idx = tuple(int(i) for i in np.argwhere(bad)[0])
            what = "NaN" if np.isnan(arr[idx]) else "inf"
            count = int(bad.sum())
            cause = _nonfinite_cause(arr, nonfinite, tol or Tolerance(rtol=1e-9))
            self.fail(
                (f"{cause}: " if cause else "")
                + f"{_index(label, idx)} is {what} ({count} non-finite value{'s' if count > 1 else ''} in {label})",
                problem=cause or None,  # where the first NaN is and how many differ by case
            )
        return arr

    def shapes(
        self,
        arrays: Mapping[str, tuple[Any, tuple[int, ...]]],
        axes: Mapping[str, Axes] | None = None,
    ) -> None:
        """Fail naming every array whose shape is not its expected one, when two or more are
        off (one is `array`'s to say): a gradient dict with db1 missing its keepdims and dW2
        transposed was told of db1 alone, and of dW2 only on the next try."""
        named = axes or {}
        wrong = [
            f"{label} has shape {value.shape}; expected {shape}"
            + _shape_hint(value.shape, shape, named.get(label))
            for label, (value, shape) in arrays.items()
            if isinstance(value, np.ndarray) and value.shape != shape
        ]
        if len(wrong) > 1:
            self.fail("; ".join(wrong))

    def scalar(self, label: str, value: Any) -> float:
        """`value` as a finite float; a size-1 array is accepted (a cost from np.dot is (1, 1)).

        A float32 (or float16, longdouble) number fails as a float32 array does in `array`:
        once turned into a Python float its precision no longer shows, and a learner read
        only "wrong rate" or, where the tolerance is loose, passed with it. A Python int past
        64 bits never gets here: the wire refuses it first, as an invalid return.
        """
        if value is None:
            self.fail(f"{label} is None: did you forget to return it?")
        if isinstance(value, bool | np.bool_) or not isinstance(
            value, int | float | np.integer | np.floating | np.ndarray
        ):
            one = isinstance(value, list | tuple) and len(value) == 1
            hint = " of one item: return the number itself (float(x[0]))" if one else ""
            self.fail(f"{label} should be a number, got {type_phrase(value)}{hint}")
        if isinstance(value, np.ndarray):
            if value.size != 1:
                self.fail(f"{label} should be a single number, got an array of shape {value.shape}")
            if value.dtype.kind not in "iuf":
                # a bool is the only other kind the wire carries: "got an array of shape ()"
                # told a comparison's result it was not one number, which it is
                self.fail(
                    f"{label} should be a number, got {type_phrase(value)} of shape {value.shape}"
                    " (True/False, not a number): return the number the Task asks for"
                )
            value = value.reshape(())
        if isinstance(value, np.floating | np.ndarray) and value.dtype.kind == "f":
            if not is_float64(value.dtype):
                self.fail(
                    f"{label} is a {dtype_name(value.dtype)} number; expected float64 (a Python float or "
                    f"np.float64): {not_float64_reason(value.dtype)}"
                )
        out = float(value)
        if not math.isfinite(out):
            self.fail(f"{label} is {out}")
        return out

    def sequence(self, label: str, value: Any, length: int | None = None) -> Sequence[Any]:
        """`value` as a tuple/list (of the given length)."""
        if not isinstance(value, list | tuple):
            lazy = isinstance(value, Iterator | range | Set | MappingView)
            self.fail(
                f"{label} should be a tuple or list, got {type_phrase(value)}"
                + (LAZY_HINT if lazy else "")
            )
        if length is not None and len(value) != length:
            self.fail(f"{label} should have {length} items, got {len(value)}")
        return value

    def mapping(self, label: str, value: Any, keys: Sequence[str]) -> dict[str, Any]:
        """`value` as a dict holding at least `keys`."""
        if not isinstance(value, dict):
            unkeyed = ""
            if (
                isinstance(value, list | tuple)
                and len(value) == len(keys) > 1
                and all(isinstance(v, np.ndarray) for v in value)
            ):  # return W1, b1, W2, b2: the values in order, without their names
                pairs = ", ".join(f"{k!r}: {k}" for k in keys)
                unkeyed = (
                    f" of {len(value)} arrays, the values without their keys: return a dict "
                    f"that names each one, {{{pairs}}}"
                )
            self.fail(f"{label} should be a dict, got {type_phrase(value)}{unkeyed}")
        missing = [k for k in keys if k not in value]
        if missing:
            self.fail(
                f"{label} is missing the key{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))}"
            )
        return value

    def close(
        self,
        label: str,
        got: Any,
        expected: Any,
        tol: Tolerance,
        *,
        hints: Sequence[Hint] = (),
        factors: Sequence[tuple[float, str]] = (),
        moved_from: Any = None,
        near_miss: str = "",
        axes: Axes | None = None,
    ) -> None:
        """got ~ expected elementwise; on failure, name a known mistake when one matches.

        `moved_from` is the value an update step started from (an optimizer's theta): a
        float32 step is then judged on the move, since a wrong step is small next to theta
        and would look like float32 rounding of theta itself. `near_miss` is what to say of a
        single number off by no more than float32 rounding (a scalar has no pattern of errors
        to tell float32 by, so the checker, which knows the slips that come that close, words
        it; none by default). `axes`: what the rows and columns of a 2-D result hold, as in
        `array`"""
        g = np.asarray(got, dtype=np.float64)
        e = np.asarray(expected, dtype=np.float64)
        if g.shape != e.shape:
            self.fail(
                f"{label} has shape {g.shape}; expected {e.shape}"
                + _shape_hint(g.shape, e.shape, axes)
            )
        self.tolerances.append(f"{label}: {tol}")
        if g.size == 0:
            return
        abs_err = max_abs_error(g, e)
        rel = rel_error(g, e)
        self.max_abs = max(self.max_abs or 0.0, abs_err)
        self.max_rel = max(self.max_rel or 0.0, rel)
        violation = tol.violation(g, e)
        if np.all(violation <= 1.0):
            return
        flat = int(np.argmax(violation))
        idx = tuple(int(i) for i in np.unravel_index(flat, g.shape)) if g.ndim else ()
        worst_rel = float(rel_errors(g, e).reshape(-1)[flat])
        ev, gv = float(e.reshape(-1)[flat]), float(g.reshape(-1)[flat])
        shown_e, shown_g = fmt_pair(ev, gv)
        detail = (
            f"max rel error {worst_rel:.1e} > {tol.rtol:.0e} at {_index(label, idx)}: "
            f"expected {shown_e}, got {shown_g}"
        )
        start = None if moved_from is None else np.asarray(moved_from, dtype=np.float64)
        reason = _diagnose(label, g, e, tol, hints, factors, start)
        if not reason and near_miss and g.size == 1 and within_float32_steps(g, e):
            reason = near_miss
        self.fail(
            f"{reason}: {detail}" if reason else detail,
            expected=shown_e,
            got=shown_g,
            max_abs=self.max_abs,
            max_rel=self.max_rel,
            tolerance=str(tol),
            problem=reason or None,  # the worst element and its values differ case by case
        )

    def passed(self) -> CaseResult:
        """The result when every check held."""
        return CaseResult(
            name=self.name,
            status=CaseStatus.PASSED,
            inputs=self.inputs,
            max_abs_error=self.max_abs,
            max_rel_error=self.max_rel,
            tolerance="; ".join(self.tolerances) or None,
        )

    def failed(self, failure: CaseFailure) -> CaseResult:
        """The result for the first problem found."""
        return CaseResult(
            name=self.name,
            status=failure.status,
            message=failure.message,
            inputs=self.inputs,
            # the errors and the tolerance only for a value mismatch: after a shape, type or
            # determinism problem, the earlier checks' "max abs error 0 (tolerance ...)" misleads
            max_abs_error=failure.max_abs,
            max_rel_error=failure.max_rel,
            tolerance=failure.tolerance,
            expected=failure.expected,
            got=failure.got,
            problem=failure.problem,
        )

    def run(self, body: Callable[[Judgement], None]) -> CaseResult:
        """Run the checks in `body` and return the case's result."""
        try:
            body(self)
        except CaseFailure as failure:
            return self.failed(failure)
        return self.passed()


def _nonfinite_cause(got: Array, hints: Sequence[Hint], tol: Tolerance) -> str:
    """The message of the first hint whose value is non-finite exactly where `got` is (NaN
    where NaN, +inf where +inf, -inf where -inf) and within `tol` everywhere else."""
    for message, value in hints:
        with np.errstate(all="ignore"):
            v = np.asarray(value() if callable(value) else value, dtype=np.float64)
        if v.shape != got.shape:
            continue
        same_places = (
            np.array_equal(np.isnan(v), np.isnan(got))
            and np.array_equal(np.isposinf(v), np.isposinf(got))
            and np.array_equal(np.isneginf(v), np.isneginf(got))
        )
        finite = np.isfinite(got)
        if same_places and np.all(tol.violation(got[finite], v[finite]) <= 1.0):
            return message
    return ""


def _shape_hint(got: tuple[int, ...], expected: tuple[int, ...], axes: Axes | None = None) -> str:
    if len(got) == 2 and got[::-1] == expected and got != expected:
        # the sizes say the two axes swapped; a bare "(transposed?)" left the learner to
        # work out which axis holds what
        if axes is not None:
            return _swapped_axes(axes)
        rows, cols = expected
        return (
            f" (its two sizes are swapped: {rows} row{'s' * (rows != 1)} by {cols} "
            f"column{'s' * (cols != 1)} are expected; build it that way round, or turn it "
            "with .T)"
        )
    if len(got) == len(expected) > 2 and sorted(got) == sorted(expected) and got != expected:
        # conv2d's output built channels-last, (N, Ho, Wo, F): the sizes alone said nothing
        return (
            " (the same sizes with the axes in another order: build it in the expected"
            " order, or put the axes back with np.transpose or np.moveaxis)"
        )
    if len(got) == 2 == len(expected) and 1 in expected and got == (max(expected),) * 2 != expected:
        # a (1, n) input gave (n, n): a row and a column broadcast into a square
        return (
            " (a row and a column broadcast into a square: a sum or mean without "
            "keepdims=True, or a [:, None] for a [None, :], may be on the wrong axis)"
        )
    if tuple(d for d in expected if d != 1) == tuple(d for d in got if d != 1):
        if got.count(1) > expected.count(1):
            # db = dout.sum(axis=(0, 2, 3), keepdims=True) gave (1, F, 1, 1) for (F,): the
            # message that asked for keepdims=True pointed the wrong way
            return (
                " (extra size-1 axes: a reduction with keepdims=True, or a [:, None], kept "
                "axes the result does not have; sum without keepdims, or reshape to the "
                "expected shape)"
            )
        return " (keepdims=True or a reshape would keep the size-1 axis)"
    return ""


def _swapped_axes(axes: Axes) -> str:
    """What a 2-D result whose sizes came back swapped should hold along each axis."""
    (rows, row_words), (cols, col_words) = axes
    if cols == "1":
        return (
            f" (a column here, one row for each of the {rows} {row_words}: got (1, {rows}), a row)"
        )
    if rows == "1":
        return (
            f" (a row here, one column for each of the {cols} {col_words}: got ({cols}, 1), a "
            "column)"
        )
    return (
        f" (rows are the {rows} {row_words} here, columns the {cols} {col_words}: got "
        f"({cols}, {rows}))"
    )


def _diagnose(
    label: str,
    got: Array,
    expected: Array,
    tol: Tolerance,
    hints: Sequence[Hint],
    factors: Sequence[tuple[float, str]],
    start: Array | None = None,
) -> str:
    for message, value in hints:
        with np.errstate(all="ignore"):
            v = np.asarray(value() if callable(value) else value, dtype=np.float64)
        if v.shape == got.shape and np.all(tol.violation(got, v) <= 1.0):
            return message
    if got.size > 1 and not np.any(got):
        # a stub's placeholder (np.zeros(...) never filled, np.zeros_like(theta) returned): the
        # worst element's "expected -0.248, got 0" did not say the whole array was untouched
        return (
            f"every value of {label} is 0, as if it were still a placeholder (an np.zeros"
            " never filled in, or returned before the computation)"
        )
    if (
        got.ndim == 2
        and got.shape[0] == got.shape[1] > 1
        and np.all(tol.violation(got, expected.T) <= 1.0)
    ):  # a symmetric expected value would have passed: the claim cannot be wrong
        return f"{label} is transposed: rows and columns are swapped"
    if float16_only(got, expected):
        return (
            f"your result matches in float16 precision only (every value of {label} is a "
            "float16 number): compute in float64; float16 keeps about 3 digits, and "
            ".astype(np.float64) afterwards cannot bring the lost ones back"
        )
    if float32_only(got, expected):
        return (
            f"your result matches in float32 precision only (every value of {label} is a "
            "float32 number): compute in float64; float32 keeps about 7 digits, and "
            ".astype(np.float64) afterwards cannot bring the lost ones back"
        )
    moved_got, moved_expected = got, expected
    if start is not None and start.shape == got.shape:  # judge the move, not the values
        moved_got, moved_expected = got - start, expected - start
    if float32_digits(moved_got, moved_expected):
        return (
            f"{label} agrees with the expected values to about 7 digits only, the precision "
            "of float32: if some step was computed in float32 (an .astype(np.float32), a "
            "np.float32 constant, a float32 cache) and cast back, compute it in float64"
        )
    k = scale_factor(got, expected, tol)
    if k is None or f"{k:.4g}" == "1":  # "off by a factor of about 1" explains nothing
        return _narrow_far_message(label, got, expected)
    for factor, message in factors:
        if abs(k - factor) <= 1e-6 * abs(factor):
            return f"{label} is off by a factor of about {k:.4g}: {message}"
    if got.size == 1:  # any number is some multiple of the expected one: no clue in that
        return _narrow_far_message(label, got, expected)
    return f"{label} is off by a factor of about {k:.4g}"


def _narrow_multiple(got: Array, expected: Array, close: float) -> bool:
    """True when `got` (more than one value) is some k * `expected`, k not 1, within `close`
    of the largest value: a factor slip made in a narrow type, told as neither."""
    if got.size < 2:
        return False
    peak = float(np.max(np.abs(expected)))
    with np.errstate(all="ignore"):
        k = float(np.sum(got * expected)) / float(np.sum(expected * expected))
        near = bool(np.all(np.abs(got - k * expected) <= close * abs(k) * peak))
    return bool(np.isfinite(k)) and abs(k - 1.0) > 1e-3 and near


def _narrow_far_message(label: str, got: Array, expected: Array) -> str:
    """What to say of a result whose every value is a float16 (or float32) number though it
    is further off than that type's rounding, when nothing else explains it ("" if not so):
    a slip on top of the narrow type (a factor) is told as that slip instead."""
    for narrow, digits, close in ((np.float16, 3, FLOAT16_CLOSE), (np.float32, 7, FLOAT32_CLOSE)):
        if narrow_far(got, expected, narrow) and not _narrow_multiple(got, expected, close):
            name = np.dtype(narrow).name
            return (
                f"every value of {label} is a {name} number, and further off than {name}'s "
                f"rounding of the expected values: some step ran in {name}, which keeps about "
                f"{digits} digits, and a difference of near-equal values there (such as "
                "1 - s for s near 1) loses most of them; compute in float64 throughout, since "
                ".astype(np.float64) afterwards cannot bring the lost digits back"
            )
    return ""


def compare(
    name: str,
    label: str,
    got: Any,
    expected: Any,
    tol: Tolerance,
    *,
    inputs: str = "",
    shape: tuple[int, ...] | None = None,
) -> CaseResult:
    """One array against its expected value: type, shape, dtype, finiteness, then closeness."""

    def body(j: Judgement) -> None:
        j.close(label, j.array(label, got, shape), expected, tol)

    return Judgement(name, inputs).run(body)


# ----------------------------------------------------------------- statistics


def _binomial_pmf(n: int, p: float) -> Array:
    """P(X = k) for k = 0..n, X ~ Binomial(n, p) with 0 < p < 1 (log space, then normalized)."""
    k = np.arange(1, n + 1, dtype=np.float64)
    steps = np.log(n - k + 1) - np.log(k) + math.log(p) - math.log1p(-p)
    logpmf = np.concatenate([[n * math.log1p(-p)], n * math.log1p(-p) + np.cumsum(steps)])
    pmf: Array = np.exp(logpmf - logpmf.max())
    pmf /= pmf.sum()
    return pmf


def binomial_bounds(n: int, p: float, alpha: float) -> tuple[int, int]:
    """[lo, hi] holding Binomial(n, p) with probability >= 1 - alpha (exact tails, alpha/2 each)."""
    if p <= 0.0:
        return 0, 0
    if p >= 1.0:
        return n, n
    pmf = _binomial_pmf(n, p)
    lower_tail = np.cumsum(pmf)  # P(X <= k)
    upper_tail = np.cumsum(pmf[::-1])[::-1]  # P(X >= k)
    below = np.nonzero(lower_tail <= alpha / 2)[0]
    above = np.nonzero(upper_tail <= alpha / 2)[0]
    lo = int(below[-1]) + 1 if below.size else 0
    hi = int(above[0]) - 1 if above.size else n
    return lo, hi


def _range_cdf(cdf: Array, draws: int, r: int, lowest: tuple[int, int] | None = None) -> float:
    """P(max - min <= r) for `draws` counts with CDF `cdf` (cdf[k + 1] = F(k), cdf[0] = 0).

    The smallest count is m and all lie within [m, m + r] with probability
    (F(m + r) - F(m - 1))**draws - (F(m + r) - F(m))**draws; summed over m, or over the
    m in `lowest` = (a, b) only, which leaves out at most P(min < a) + P(min > b).
    """
    n = cdf.size - 2
    if r >= n:
        return 1.0
    if r < 0:
        return 0.0
    m = np.arange(n + 1)
    if lowest is not None:
        m = m[lowest[0] : lowest[1] + 1]
    top = cdf[np.minimum(m + r, n) + 1]
    total = float(np.sum((top - cdf[m]) ** draws - (top - cdf[m + 1]) ** draws))
    return min(max(total, 0.0), 1.0)


def _shifted_cdf(pmf: Array) -> Array:
    """The CDF as `_range_cdf` takes it: cdf[k + 1] = P(X <= k), cdf[0] = 0."""
    cdf: Array = np.concatenate([[0.0], np.cumsum(pmf)])
    return cdf


def binomial_range_cdf(n: int, p: float, draws: int, r: int) -> float:
    """P(max - min <= r) for `draws` independent Binomial(n, p) counts (exact)."""
    if p <= 0.0 or p >= 1.0:
        return 1.0 if r >= 0 else 0.0
    return _range_cdf(_shifted_cdf(_binomial_pmf(n, p)), draws, r)


def binomial_range_bounds(n: int, p: float, draws: int, alpha: float) -> tuple[int, int]:
    """[lo, hi] holding the range (max - min) of `draws` independent Binomial(n, p) counts
    with probability >= 1 - alpha: exact tails, at most alpha/2 each (lo = 0 or hi = n
    when a side cannot be that unlikely).

    A range below lo means counts that barely vary, as when a fixed number is kept every
    time; above hi, counts that vary too much, as when units are kept or dropped together.
    """
    if p <= 0.0 or p >= 1.0 or n == 0:
        return 0, 0
    pmf = _binomial_pmf(n, p)
    cdf = _shifted_cdf(pmf)
    # the sums leave out the smallest counts m that lie in a tail of probability below 1e-30
    # (P(min < a) <= draws * F(a - 1), P(min > b) <= P(X > b)), far below any alpha here:
    # each sum gets cheaper and nothing else changes
    a = int(np.count_nonzero(cdf[1:] <= 1e-30 / draws))
    b = int(np.count_nonzero(np.cumsum(pmf[::-1])[::-1] > 1e-30)) - 1  # P(X >= b) > 1e-30
    lowest = (a, max(a, b))

    def cdf_at(r: int) -> float:
        return _range_cdf(cdf, draws, r, lowest)

    # lo: one more than the largest r with P(range <= r) <= alpha/2 (a few steps up from 0)
    low = 0
    while low <= n and cdf_at(low) <= alpha / 2:
        low += 1
    # hi: the smallest r with P(range > r) <= alpha/2, by bisection; counts outside [a, b]
    # are too unlikely to matter, so the range exceeds b - a too rarely to count
    below, high = low - 1, min(n, max(low, b - a))
    while high - below > 1:
        mid = (below + high) // 2
        if 1.0 - cdf_at(mid) <= alpha / 2:
            high = mid
        else:
            below = mid
    return low, high


def normal_z(alpha: float) -> float:
    """z with P(|N(0, 1)| > z) = alpha (bisection on erfc)."""
    lo, hi = 0.0, 40.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if math.erfc(mid / math.sqrt(2.0)) > alpha:
            lo = mid
        else:
            hi = mid
    return hi


def chi2_mean_bounds(n: int, alpha: float) -> tuple[float, float]:
    """[lo, hi] holding Q / n for Q ~ chi-square(n) with probability >= 1 - alpha.

    Chernoff bounds: P(Q/n >= 1+t) <= exp(-n/2 (t - ln(1+t))) and
    P(Q/n <= 1-t) <= exp(-n/2 (-t - ln(1-t))); each side gets alpha/2.
    """
    target = 2.0 * math.log(2.0 / alpha) / n

    def solve(rate: Callable[[float], float], top: float) -> float:
        lo, hi = 0.0, top
        for _ in range(200):
            mid = (lo + hi) / 2
            if rate(mid) < target:
                lo = mid
            else:
                hi = mid
        return hi

    up = solve(lambda t: t - math.log1p(t), 1e6)
    down = solve(lambda t: -t - math.log1p(-t), 1.0 - 1e-15)
    return max(0.0, 1.0 - down), 1.0 + up
