"""Checkers for numerical_gradient and gradient_check.

The child builds the function to differentiate (and, for gradient_check, the gradient
to test) from coefficient arrays the parent chose; see engine/harnesses/gradcheck.py.
Which gradient is right or planted wrong is known only here, in the case's private part.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker
from engine.checkers.returned import wrong_return
from engine.checks import Judgement, Tolerance, float32_only
from engine.harnesses.gradcheck import make_function, make_gradient
from engine.nn import gradcheck as ref

__all__ = ["gradient_check", "numerical_gradient"]

DEFAULT_EPS = 1e-5
DEFAULT_THRESHOLD = 1e-7
COARSE_EPS = 0.2
"""The eps of the case whose right answer depends on using the given eps."""
PRECISE_THRESHOLD = 5e-10
"""The threshold of the case only a float64 numerical gradient passes. Over seeds 0-89 a
float64 central difference on its 8 entries gives rel_diff at most 3.6e-11 (14x below), the
same gradient held in float32 at least 2.5e-9 (5x above; median 1.2e-8)."""
PRECISE_SIZE = 8


def _coefficients(rng: np.random.Generator, shape: tuple[int, ...]) -> dict[str, np.ndarray]:
    """f's coefficients: a cubic term and a sine give curvature, so forward differences show."""
    n = shape[0]
    q = gen.normal(rng, (n, n), 0.5)
    return {
        "C": rng.uniform(0.5, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape),
        "S": gen.normal(rng, shape, 1.5),
        "P": gen.normal(rng, shape),
        "Q": (q + q.T) / 2,
    }


def _x(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """Points away from 0 so x**2 and x**3 terms are not tiny."""
    return np.asarray(rng.uniform(0.5, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape))


def _correct_gradient(
    coef: Mapping[str, np.ndarray], shape: tuple[int, ...]
) -> dict[str, np.ndarray]:
    t = shape[::-1]
    return {
        "A": coef["C"].copy(),
        "B": coef["S"].copy(),
        "D": coef["P"].copy(),
        "E": np.zeros(t),
        "H": coef["Q"].copy(),
    }


def _x_restored(j: Judgement, x: np.ndarray, after: Any, eps: float) -> None:
    """x must hold its original values after the call (rounding of x + eps - eps is fine)."""
    got = j.array("x after the call", after, x.shape)
    drift = np.abs(got - x)
    if np.any(drift > 1e-3 * eps):
        idx = tuple(int(i) for i in np.unravel_index(int(np.argmax(drift)), x.shape))
        j.fail(
            f"x was left perturbed after the call: x[{', '.join(map(str, idx))}] was {x[idx]:.6g}, "
            f"now {got[idx]:.6g}; put each entry back after perturbing it",
            expected=f"{x[idx]:.6g}",
            got=f"{got[idx]:.6g}",
        )


def _forward_differences(
    f: Callable[[np.ndarray], float], x: np.ndarray, eps: float, *, backward: bool = False
) -> np.ndarray:
    """(f(x + eps) - f(x)) / eps per entry, or (f(x) - f(x - eps)) / eps with `backward`."""
    base = f(x)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[idx] = eps
        grad[idx] = (base - f(x - e)) / eps if backward else (f(x + e) - base) / eps
    return grad


def _central(
    f: Callable[[np.ndarray], float], x: np.ndarray, steps: np.ndarray, where: Any
) -> float:
    """(f(x + s) - f(x - s)) / (2 h) with s = steps at `where` (an index or a row), 0
    elsewhere, and h the step at `where`'s first entry."""
    e = np.zeros_like(x)
    e[where] = steps[where]
    h = float(np.asarray(steps[where]).reshape(-1)[0])
    return (f(x + e) - f(x - e)) / (2 * h)


def _scaled_steps(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float) -> np.ndarray:
    """Central differences with a step scaled to each entry, h = eps * max(1, |x_i|)."""
    steps = eps * np.maximum(1.0, np.abs(x))
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        grad[idx] = _central(f, x, steps, idx)
    return grad


def _rows_at_once(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float) -> np.ndarray:
    """What a loop over x[i] gives for a matrix: row i shifted whole, one slope per row."""
    steps = np.full(x.shape, eps)
    grad = np.zeros_like(x)
    for i in range(x.shape[0]):
        grad[i] = _central(f, x, steps, i)
    return grad


def _five_point(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float) -> np.ndarray:
    """The fourth-order stencil (-f(x+2e) + 8 f(x+e) - 8 f(x-e) + f(x-2e)) / (12 eps)."""
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[idx] = eps
        grad[idx] = (-f(x + 2 * e) + 8 * f(x + e) - 8 * f(x - e) + f(x - 2 * e)) / (12 * eps)
    return grad


def _aliased_copy(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float) -> np.ndarray:
    """What `x_plus = x; x_plus[idx] += eps; ...; x_minus = x; x_minus[idx] -= eps` gives:
    both names are x, so the second step only undoes the first, (f(x + e) - f(x)) / (2 eps)."""
    return _forward_differences(f, x, eps) / 2.0


def _copies_never_reset(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float) -> np.ndarray:
    """Central differences on x_plus and x_minus copied once before the loop and never put
    back: at entry k every entry before it is still shifted by +eps (and -eps)."""
    plus, minus = x.copy(), x.copy()
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        plus[idx] += eps
        minus[idx] -= eps
        grad[idx] = (f(plus) - f(minus)) / (2 * eps)
    return grad


def _float32_working_copy(
    f: Callable[[np.ndarray], float], x: np.ndarray, eps: float
) -> np.ndarray:
    """Central differences taken on a float32 copy of x, each step rounded to float32."""
    work = x.astype(np.float32)
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        old = work[idx]
        work[idx] = old + eps
        up = f(work)
        work[idx] = old - eps
        down = f(work)
        work[idx] = old
        grad[idx] = (up - down) / (2 * eps)
    return grad


def _first_entries(
    f: Callable[[np.ndarray], float], x: np.ndarray, eps: float, count: int
) -> np.ndarray:
    """Central differences over the first `count` entries of x.flat only, zeros after them."""
    grad = np.zeros_like(x)
    full = ref.numerical_gradient(f, x.copy(), eps)
    grad.flat[:count] = full.flat[:count]
    return grad


def _is_nan(value: Any) -> bool:
    """A float or size-1 numeric array holding nan (the 0/0 of an unguarded rel_diff)."""
    try:
        return bool(np.isnan(np.asarray(value, dtype=np.float64)).any())
    except (TypeError, ValueError):
        return False


class NumericalGradientChecker(NNChecker):
    """numerical_gradient(f, x, eps=1e-5): central differences with the given eps, x restored."""

    name = "nn.gradcheck.numerical_gradient"
    entries = ("numerical_gradient",)
    harness = "gradcheck"

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"numerical_gradient": ref.numerical_gradient}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        plans: list[tuple[str, tuple[int, ...], float | None]] = [
            ("a single entry", (1,), None),
            ("a vector", (gen.size(rng, 3, 7),), None),
            ("a matrix", (gen.size(rng, 2, 4), gen.size(rng, 2, 4)), None),
            ("a column", (gen.size(rng, 3, 5), 1), float(rng.choice([1e-4, 1e-6]))),
            ("eps = 1e-2", (3, gen.size(rng, 2, 4)), 1e-2),
            ("eps = 1e-3", (gen.size(rng, 4, 6),), 1e-3),
        ]
        out = []
        for i, (what, shape, eps) in enumerate(plans, 1):
            coef = _coefficients(rng, shape)
            x = _x(rng, shape)
            inputs: dict[str, Any] = {"fn": "numerical_gradient", "coef": coef, "x": x}
            if eps is not None:  # no key: the entry's own default is used
                inputs["eps"] = eps
            shown = eps if eps is not None else "default (1e-5)"
            out.append(Case(f"case {i}: {what}", inputs, gen.describe(x=x, eps=shown)))
        return out

    def prepare(self, case: Case) -> dict[str, np.ndarray]:
        """The reference's central differences and, at a non-default eps, the two near misses."""
        x = case.inputs["x"]
        eps = case.inputs.get("eps", DEFAULT_EPS)
        f = make_function(case.inputs["coef"])
        out = {"expected": ref.numerical_gradient(f, x.copy(), eps)}
        if eps != DEFAULT_EPS:
            out["five_point"] = _five_point(f, x, eps)
            out["default_eps"] = ref.numerical_gradient(f, x.copy(), DEFAULT_EPS)
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        x = case.inputs["x"]
        eps = case.inputs.get("eps", DEFAULT_EPS)
        f = make_function(case.inputs["coef"])
        prepared = j.prepared
        expected = prepared["expected"]
        returned = outputs.get("grad")
        if isinstance(returned, np.ndarray) and x.ndim > 1 and returned.shape == (x.size,):
            j.fail(
                f"grad has shape {returned.shape}, one entry per entry of x, but flat; return it "
                f"in x's shape {x.shape}: grad.reshape(x.shape), or build it as "
                "np.zeros_like(x) and fill grad[idx]"
            )
        got = j.array("grad", returned, x.shape)
        _x_restored(j, x, outputs.get("x_after"), eps)
        hints: list[tuple[str, Any]] = [
            (
                f"grad is eps**2 = {eps * eps:.3g} times the right one: Python reads "
                "(f(x + eps) - f(x - eps)) / 2 * eps as ((...) / 2) * eps, which multiplies by "
                "eps where it should divide; write / (2 * eps)",
                # all zeros also lies within the tolerance of eps**2 * grad: that is the next slip
                lambda: expected * (eps * eps) if np.any(got) else np.full(x.shape, np.nan),
            ),
            (
                "grad is all zeros, as if f never saw the perturbation: changing a copy "
                "(x.flatten(), x.copy(), a fancy-indexed slice) leaves x as it was; perturb x "
                "itself (x[idx] = old + eps, or a view such as x.reshape(-1) of a contiguous x)",
                np.zeros(x.shape),
            ),
            (
                "this matches forward differences (f(x + eps) - f(x)) / eps; use central "
                "differences (f(x + eps) - f(x - eps)) / (2 eps)",
                lambda: _forward_differences(f, x, eps),
            ),
            (
                "this matches backward differences (f(x) - f(x - eps)) / eps; use central "
                "differences (f(x + eps) - f(x - eps)) / (2 eps)",
                lambda: _forward_differences(f, x, eps, backward=True),
            ),
            (
                "every entry of x was shifted at once (x + eps adds eps to all of them), so "
                "each grad entry is the same slope along all entries together; perturb one "
                "entry at a time: x[idx] = old + eps, then old - eps, then restore it",
                lambda: np.full(x.shape, (f(x + eps) - f(x - eps)) / (2 * eps)),
            ),
            (
                "grad has the wrong sign: the difference is f(x + eps) - f(x - eps), the plus "
                "side first",
                -expected,
            ),
            (
                "the step was scaled to each entry, h = eps * max(1, |x_i|): a sound choice "
                "for an estimate, but this drill's contract is the two-point difference with "
                "the eps it is given, the same for every entry",
                lambda: _scaled_steps(f, x, eps),
            ),
        ]
        hints += [
            (
                "this is half a forward difference, (f(x + eps) - f(x)) / (2 eps): x_plus = x "
                "names the same array as x, not a copy, so x_minus = x then undoes the + eps "
                "instead of stepping to x - eps; copy (x.copy()) or perturb x itself and "
                "restore it",
                lambda: _aliased_copy(f, x, eps),
            ),
            (
                "the copies x_plus and x_minus were made once, before the loop, and never put "
                "back: at each entry every entry before it is still shifted by eps; reset "
                "the entry after its difference (or copy x afresh for each entry)",
                lambda: _copies_never_reset(f, x, eps),
            ),
        ]
        hints.append(
            (
                "x was perturbed in a float32 copy (x.astype(np.float32)): x + eps and "
                "x - eps round to float32's 7 digits, so the step actually taken is not eps "
                "and the difference quotient is off by up to 1e-7 / eps; perturb x itself, or "
                "a float64 copy (x.copy())",
                lambda: _float32_working_copy(f, x, eps),
            )
        )
        if x.ndim >= 2 and x.shape[0] < x.size:
            hints.append(
                (
                    f"only the first len(x) = {x.shape[0]} entries were estimated, the rest "
                    "left 0: len(x) counts the rows of a matrix; visit every entry, "
                    "np.ndindex(x.shape) or range(x.size) with x.flat",
                    lambda: _first_entries(f, x, eps, x.shape[0]),
                )
            )
        if x.ndim >= 2 and x.shape[-1] not in (x.shape[0], x.size):
            hints.append(
                (
                    f"only the first x.shape[-1] = {x.shape[-1]} entries were estimated, the "
                    "rest left 0: a loop over range(x.shape[-1]) visits x's first row only; "
                    "visit every entry, np.ndindex(x.shape) or range(x.size) with x.flat",
                    lambda: _first_entries(f, x, eps, x.shape[-1]),
                )
            )
        if x.ndim >= 2 and x.shape[1] > 1:
            hints.append(
                (
                    "each row of x was shifted whole: on a matrix, x[i] is the row i, so "
                    "x[i] += eps moves every entry in it and grad[i] gets one slope per row; "
                    "perturb one entry at a time, over np.ndindex(x.shape)",
                    lambda: _rows_at_once(f, x, eps),
                )
            )
        if eps != DEFAULT_EPS:
            # Ignoring eps and using a higher-order stencil both land closer to the exact
            # gradient than the two-point difference at a large eps; name the nearer one.
            closer = [
                (
                    f"this matches the five-point stencil (-f(x+2e) + 8f(x+e) - 8f(x-e) + "
                    f"f(x-2e)) / (12 eps): more accurate, but the drill asks for the two-point "
                    f"central difference (f(x + eps) - f(x - eps)) / (2 eps) with the given "
                    f"eps = {eps:g}, whose own error is part of the answer",
                    prepared["five_point"],
                ),
                (
                    "the eps argument was ignored (1e-5 used instead)",
                    prepared["default_eps"],
                ),
            ]
            closer.sort(key=lambda hint: float(np.abs(got - hint[1]).max()))
            hints.extend(closer)
        if float32_only(got, expected):
            # within the card's 1e-6 per entry, so the tolerance alone let a float32 buffer pass
            j.fail(
                "every value of grad is a float32 number: the gradient was stored in (or "
                "passed through) float32, which keeps about 7 digits; build grad as float64 "
                "(np.zeros(x.shape)), since .astype(np.float64) at the end cannot bring the "
                "lost digits back"
            )
        if _float32_differences(got, expected, eps):
            # divided in float64 after the float32 store, so grad itself is no float32 number
            j.fail(
                "every difference f(x + eps) - f(x - eps) behind grad is a float32 number: the "
                "differences were stored in (or passed through) float32, which keeps about 7 "
                "digits, and divided by 2 * eps afterwards; keep them in float64 (np.zeros("
                "x.shape)), since casting to float64 before the division cannot bring the lost "
                "digits back"
            )
        size = float(np.abs(expected).max()) + 1.0
        tol = Tolerance(rtol=1e-6, atol=1e-7 * size)
        j.close(
            "grad",
            got,
            expected,
            tol,
            hints=hints,
            factors=[(2.0, "divide by 2 * eps, not eps"), (0.5, "divide by 2 * eps, not 4 * eps")],
        )


FLOAT32_DIFFERENCE_ENTRIES = 4
"""Entries a case needs before its differences are read for float32: a float64 difference
f(x + eps) - f(x - eps) of f near 1 keeps about 35 significant bits at eps = 1e-5, so it is a
float32 number (24 bits) by chance with odds about 2**-11 each, 2**-44 for four."""


def _float32_differences(got: np.ndarray, expected: np.ndarray, eps: float) -> bool:
    """True when every got * 2 eps is, to float64 rounding, a float32 number (the differences
    were stored in float32, then divided in float64) and got is within float32 rounding of
    expected; only for eps >= 1e-5, where a float64 difference has bits to spare."""
    if got.size < FLOAT32_DIFFERENCE_ENTRIES or eps < 1e-5 or got.shape != expected.shape:
        return False
    with np.errstate(all="ignore"):
        diffs = got * (2.0 * eps)
        nearest = diffs.astype(np.float32).astype(np.float64)
        on_float32 = np.abs(diffs - nearest) <= 4.0 * np.spacing(np.abs(diffs))
        scale = max(float(np.abs(expected).max()), 1e-30)
        near = np.abs(got - expected) <= 1e-5 * scale
    return bool(np.all(on_float32) and np.all(near) and np.all(diffs != 0.0))


def _other_formulas(num: np.ndarray, ana: np.ndarray) -> list[tuple[float, str, str]]:
    """(value, formula, why the drill does not use it) for relative differences that people
    write instead of ||num - grad|| / (||num|| + ||grad||)."""
    diff = float(np.linalg.norm(num - ana))
    n, a = float(np.linalg.norm(num)), float(np.linalg.norm(ana))
    with np.errstate(all="ignore"):
        entrywise = np.abs(num - ana) / (np.abs(num) + np.abs(ana))
        finite_entries = np.where(np.isfinite(entrywise), entrywise, 0.0)
        worst_entry = float(np.max(finite_entries))
        mean_entry = float(np.mean(finite_entries))
        l1 = float(np.abs(num - ana).sum() / (np.abs(num).sum() + np.abs(ana).sum()))
    lopsided = "one norm makes the measure lopsided (it blows up when that gradient is near 0)"
    out = [
        (
            diff / max(n, a),
            "||num - grad|| / max(||num||, ||grad||)",
            "a variant some courses use; this drill's threshold is set for the sum of the two "
            "norms in the denominator",
        ),
        (diff / a, "||num - grad|| / ||grad||", lopsided),
        (diff / n, "||num - grad|| / ||num||", lopsided),
        (
            diff,
            "the absolute difference ||num - grad||",
            "it grows with the gradient's scale; dividing makes it relative",
        ),
        (
            diff**2 / (n**2 + a**2),
            "the ratio of squared norms (sums of squares)",
            "take the norms themselves (np.linalg.norm), or the threshold means something else",
        ),
        (
            l1,
            "the same ratio with L1 norms (sums of absolute values)",
            "the norms are Euclidean, np.linalg.norm: the square root of the sum of squares",
        ),
        (
            float(np.abs(num - ana).sum()) / (n + a),
            "an L1 distance, the sum of |num - grad|, over the two Euclidean norms",
            "the numerator is a Euclidean norm too: np.linalg.norm(num - grad)",
        ),
        (
            diff / float(np.linalg.norm(num + ana)),
            "||num - grad|| / ||num + grad||, the norm of the sum",
            "it is 0 when the gradients are opposite",
        ),
        (
            worst_entry,
            "the worst entry's |num - grad| / (|num| + |grad|)",
            "compare the whole arrays with norms: the per-entry ratio is 1 wherever one side "
            "is exactly 0",
        ),
        (
            mean_entry,
            "the mean over the entries of |num - grad| / (|num| + |grad|)",
            "an average of per-entry ratios lets a few bad entries hide among good ones; "
            "compare the whole arrays with norms",
        ),
    ]
    return [item for item in out if math.isfinite(item[0])]


def _guard_too_large(rel: float, num: np.ndarray, ana: np.ndarray) -> str:
    """The guard added to the denominator, when rel_diff is the drill's formula with a
    power of ten from 1e-6 to 1 added to ||num|| + ||grad|| (empty otherwise)."""
    norms = float(np.linalg.norm(num) + np.linalg.norm(ana))
    if not 0.0 < rel < math.inf:
        return ""
    guard = float(np.linalg.norm(num - ana)) / rel - norms
    if not 1e-6 <= guard <= 1.0 or abs(math.log10(guard) - round(math.log10(guard))) > 0.01:
        return ""
    return (
        f"yours is ||num - grad|| / (||num|| + ||grad|| + {10.0 ** round(math.log10(guard)):g}): "
        f"a guard in the denominator is fine only when tiny (1e-8 or less), and this one "
        f"changes rel_diff by {guard / norms:.2%} (0.1% is allowed) where the two norms add up "
        f"to {norms:.3g}"
    )


def _shift_slip(case: Case, rel: float, eps: float) -> str:
    """What went wrong with the shifts of x when a correct gradient's rel_diff is far from
    tiny (empty when neither known slip explains it): the numerical gradient all zeros, or
    the shifts left in place from one entry to the next."""
    x = np.array(case.inputs["x"], dtype=np.float64)
    f = make_function(case.inputs["coef"])
    ana = np.asarray(make_gradient(case.inputs["gcoef"])(x.copy()), dtype=np.float64)
    num = ref.numerical_gradient(f, x.copy(), eps) * (eps * eps)  # "/ 2 * eps"
    total = float(np.linalg.norm(num) + np.linalg.norm(ana))
    times_eps = float(np.linalg.norm(num - ana)) / total if total else 0.0
    if rel != 1.0 and abs(rel - times_eps) <= 1e-9 * times_eps:
        return (
            f"yours is what a numerical gradient eps**2 = {eps * eps:.3g} times too small "
            "gives: Python reads (f(x + eps) - f(x - eps)) / 2 * eps as ((...) / 2) * eps, "
            "which multiplies by eps where it should divide; write / (2 * eps)"
        )
    if abs(rel - 1.0) <= 1e-12:  # ||num - g|| / (||num|| + ||g||) is 1 when num is 0
        return (
            "1 is what a numerical gradient of all zeros gives: f never saw the shifts "
            "(x.flatten(), x.copy() and np.array(x) are copies; shift x itself, or a view "
            "such as x.reshape(-1), and put each entry back after its two calls)"
        )
    plus, minus, num = x.copy(), x.copy(), np.zeros(x.shape)
    for i in np.ndindex(x.shape):  # copies made once and never reset
        plus[i] += eps
        minus[i] -= eps
        num[i] = (f(plus.copy()) - f(minus.copy())) / (2 * eps)
    total = float(np.linalg.norm(num) + np.linalg.norm(ana))
    kept = float(np.linalg.norm(num - ana)) / total if total else 0.0
    if abs(rel - kept) <= 1e-3 * kept:
        return (
            "the shifts accumulate: each entry's +eps and -eps stayed in place while the next "
            "entries were shifted (copies of x made once, before the loop); put each entry "
            "back to its value after its two calls"
        )
    return ""


def _other_formula(case: Case, rel: float, eps: float) -> str:
    """Which known other formula the submission's rel_diff is (empty when none is), from the
    case's function and gradient rebuilt in the parent; when several give the same value on
    this case, all of them are named."""
    x = np.array(case.inputs["x"], dtype=np.float64)
    ana = np.asarray(make_gradient(case.inputs["gcoef"])(x.copy()), dtype=np.float64)
    num = ref.numerical_gradient(make_function(case.inputs["coef"]), x.copy(), eps)
    fits = [
        (formula, why)
        for value, formula, why in _other_formulas(num, ana)
        if abs(rel - value) <= 1e-3 * abs(value)
    ]
    if not fits:
        return _guard_too_large(rel, num, ana)
    fix = "divide ||num - grad|| by ||num|| + ||grad||"
    if len(fits) == 1:
        formula, why = fits[0]
        return f"yours is {formula}: {why}; {fix}"
    return f"yours is {' or '.join(f for f, _ in fits)} (the same on this case); {fix}"


class GradientCheckChecker(NNChecker):
    """gradient_check(f, grad_f, x, eps, threshold) -> (ok, rel_diff) on right and planted gradients."""

    name = "nn.gradcheck.gradient_check"
    entries = ("gradient_check",)
    harness = "gradcheck"

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"gradient_check": ref.gradient_check}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        n = gen.size(rng, 2, 4)
        k = float(rng.choice([2.0, 0.5, -1.0]))
        plans: list[tuple[str, tuple[int, ...], str, float | None, float | None]] = [
            ("a correct gradient", (n, n), "correct", None, None),
            ("a correct gradient, threshold 1e-6", (gen.size(rng, 3, 6),), "correct", 1e-6, 1e-6),
            ("a correct gradient of one entry", (1, 1), "correct", None, None),
            (f"a gradient scaled by {k:g}", (n, gen.size(rng, 1, 3)), f"scaled:{k}", None, None),
            ("a transposed gradient", (n + 1, n + 1), "transposed", None, None),
            ("a gradient missing a term", (gen.size(rng, 3, 6),), "missing", 1e-4, 1e-7),
            ("a gradient off by 1e-4 (relative)", (n, n), "tiny", None, None),
            ("a gradient off by 1e-4 with threshold 1e-3", (n, 2), "tiny", 1e-5, 1e-3),
            ("a zero gradient (f is constant)", (gen.size(rng, 2, 4),), "zero", None, None),
            # Only a check that uses its eps gets this one: at eps = 0.2 the central
            # difference itself is off by about eps**2 (rel_diff 8e-4 or more), so a correct
            # gradient fails threshold 1e-5; a hard-coded 1e-5 step would call it fine.
            (
                f"a correct gradient with a coarse eps = {COARSE_EPS:g}",
                (gen.size(rng, 2, 5),),
                "coarse",
                COARSE_EPS,
                1e-5,
            ),
            # Last, with a fixed shape, so the cases before it draw what they drew before.
            # A gradient check is done in float64 because its answer is a rel_diff far below
            # float32's 7 digits: a numerical gradient stored in float32 is off by about 1e-8.
            (
                f"a correct gradient, threshold {PRECISE_THRESHOLD:g}",
                (PRECISE_SIZE,),
                "precise",
                DEFAULT_EPS,
                PRECISE_THRESHOLD,
            ),
        ]
        out = []
        for i, (what, shape, variant, eps, threshold) in enumerate(plans, 1):
            coef = _coefficients(rng, shape)
            if variant == "zero":  # both gradients exactly 0: rel_diff is 0, not 0/0
                coef = {key: np.zeros_like(v) for key, v in coef.items()}
            gcoef = _correct_gradient(coef, shape)
            if variant.startswith("scaled"):
                gcoef = {key: v * k for key, v in gcoef.items()}
            elif variant == "transposed":
                gcoef["E"], gcoef["D"] = coef["P"].copy(), np.zeros(shape)
            elif variant == "missing":
                gcoef["B"] = np.zeros(shape)
            elif variant == "tiny":
                gcoef = {key: v * (1 + 1e-4) for key, v in gcoef.items()}
            x = _x(rng, shape)
            # the harness passes eps and threshold positionally: never threshold without eps
            assert threshold is None or eps is not None
            f, g = make_function(coef), make_gradient(gcoef)
            e = eps if eps is not None else DEFAULT_EPS
            t = threshold if threshold is not None else DEFAULT_THRESHOLD
            ok, rel = ref.gradient_check(f, g, x.copy(), e, t)
            # the decision must not be close to the threshold, or valid answers could disagree
            assert rel < t / 10 or rel > t * 10, (variant, rel, t)
            assert variant != "zero" or (ok and rel == 0.0)
            inputs: dict[str, Any] = {"fn": "gradient_check", "coef": coef, "gcoef": gcoef, "x": x}
            if eps is not None:  # no key: the entry's own default is used
                inputs["eps"] = eps
            if threshold is not None:
                inputs["threshold"] = threshold
            out.append(
                Case(
                    f"case {i}: {what}",
                    inputs,
                    gen.describe(
                        x=x,
                        eps=eps if eps is not None else "default (1e-5)",
                        threshold=threshold if threshold is not None else "default (1e-7)",
                    ),
                    private={"variant": variant, "ok": ok, "rel_diff": rel},
                )
            )
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        x = case.inputs["x"]
        eps = case.inputs.get("eps", DEFAULT_EPS)
        threshold = case.inputs.get("threshold", DEFAULT_THRESHOLD)
        variant, ok_ref, rel_ref = (
            case.private["variant"],
            case.private["ok"],
            case.private["rel_diff"],
        )
        if "bad_result" in outputs:
            j.fail(wrong_return("gradient_check", "(ok, rel_diff)", outputs["bad_result"]))
        ok = outputs.get("ok")
        if isinstance(ok, np.ndarray) and ok.size == 1 and ok.dtype.kind == "b":
            ok = bool(ok.reshape(()))  # np.bool_ may arrive as a 0-d array over the wire
        if not isinstance(ok, bool | np.bool_):
            rel_given = outputs.get("rel_diff")
            if isinstance(rel_given, np.ndarray) and rel_given.size == 1:
                rel_given = rel_given.reshape(()).item()
            swapped = (
                " (ok and rel_diff look swapped: the result is (ok, rel_diff), in that order)"
                if isinstance(rel_given, bool | np.bool_)
                else ""
            )
            j.fail(f"ok should be a bool (True or False), got {type(ok).__name__}{swapped}")
        if variant == "zero" and _is_nan(outputs.get("rel_diff")):
            j.fail(
                "both gradients were exactly zero here, so ||num|| + ||grad|| is 0 and your "
                "rel_diff is 0/0 = nan; the gradients agree, so rel_diff must be 0 and ok True "
                "(check for a zero denominator before dividing)",
                expected="0",
                got="nan",
            )
        rel = j.scalar("rel_diff", outputs.get("rel_diff"))
        _x_restored(j, x, outputs.get("x_after"), eps)
        what = {
            "correct": "the gradient was correct",
            "missing": "the gradient was missing one term",
            "transposed": "the gradient had one term transposed",
            "tiny": "every entry of the gradient was off by a relative 1e-4",
            "zero": "both gradients were exactly zero",
            "precise": "the gradient was correct",
            "coarse": f"the gradient was correct, but with eps = {eps:g} the central difference "
            "itself is off by about eps**2",
        }.get(variant, f"every entry of the gradient was scaled by {variant.partition(':')[2]}")
        if variant == "precise" and rel_ref * 10 < rel <= 1e-6:
            j.fail(
                f"{what}, so rel_diff should be about {rel_ref:.1e} (below the threshold "
                f"{threshold:g}), got {rel:.3g}: float64 central differences are that "
                "accurate; a numerical gradient stored in (or passed through) float32 keeps "
                "about 7 digits and lands near 1e-8, too coarse to judge a gradient at a tight "
                "threshold; compute the numerical gradient in float64 (np.zeros(x.shape))",
                expected=f"{rel_ref:.1e}",
                got=f"{rel:.3g}",
            )
        if rel_ref < 1e-6:
            if not 0.0 <= rel <= 1e-6:
                j.fail(
                    f"{what}, so rel_diff should be tiny (about {rel_ref:.1e}), got {rel:.3g}; "
                    + (
                        _shift_slip(case, rel, eps)
                        or "central differences (f(x + eps) - f(x - eps)) / (2 eps) are that "
                        "accurate, one-sided ones (forward, f(x + eps) - f(x), or backward, "
                        "f(x) - f(x - eps), over eps) are not"
                    ),
                    expected=f"{rel_ref:.1e}",
                    got=f"{rel:.3g}",
                )
        elif variant == "coarse" and 0.0 <= rel < rel_ref / 10:
            j.fail(
                f"{what}, so rel_diff should be {rel_ref:.4g} and ok False, got rel_diff "
                f"{rel:.3g}: was the eps argument ignored (a fixed step such as 1e-5 used "
                "instead)? The grader varies eps and threshold",
                expected=f"{rel_ref:.4g}",
                got=f"{rel:.3g}",
            )
        elif not abs(rel - rel_ref) <= 1e-3 * rel_ref:
            other = _other_formula(case, rel, eps)
            j.fail(
                f"{what}; rel_diff = ||num - grad|| / (||num|| + ||grad||) should be {rel_ref:.4g}, got {rel:.4g}"
                + (f": {other}" if other else ""),
                expected=f"{rel_ref:.4g}",
                got=f"{rel:.4g}",
            )
        if bool(ok) != ok_ref:
            verdict = "passes" if ok_ref else "fails"
            j.fail(
                f"{what} and rel_diff = {rel_ref:.2g} {verdict} the threshold {threshold:g}, so ok "
                f"should be {ok_ref}, got {bool(ok)} (ok means rel_diff < threshold)",
                expected=str(ok_ref),
                got=str(bool(ok)),
            )


numerical_gradient = NumericalGradientChecker
gradient_check = GradientCheckChecker
