"""What the optimizer-step checkers share (SGD, momentum and Adam; RMSprop and AdamW).

The drills' defaults are the reference's: a case that leaves a hyperparameter out is
described and checked with the default the reference entry declares. The slips named
here are the ones more than one optimizer can make in the same way.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checks import Hint, Judgement, Tolerance

__all__ = [
    "STEP_TOL",
    "StepChecker",
    "adam_betas",
    "adam_moments",
    "adam_slips",
    "beta_times_t_slips",
    "correction_slips",
    "eps_slips",
    "moment_slips",
    "nearest_of",
    "parameter_shapes",
    "second_moment_slips",
    "step_case",
    "transposed_grad_slip",
    "with_defaults",
]

STEP_TOL = Tolerance(rtol=1e-9, atol=1e-13)
"""Optimizer steps are a few flops per entry: any faithful formula agrees to ~1e-15."""


def parameter_shapes(rng: np.random.Generator) -> list[tuple[str, tuple[int, ...]]]:
    """Parameter shapes every optimizer drill is graded on, from a scalar to a matrix."""
    return [
        ("a single parameter", (1, 1)),
        ("a weight matrix", (gen.size(rng, 2, 6), gen.size(rng, 2, 6))),
        ("a bias vector", (gen.size(rng, 2, 8), 1)),
        ("a 1-D parameter", (gen.size(rng, 3, 10),)),
        ("a larger matrix", (32, 48)),
    ]


def transposed_grad_slip(grad: np.ndarray, step: Callable[[np.ndarray], np.ndarray]) -> list[Hint]:
    """grad.T used where grad belongs, named on a square case: a non-square one raises numpy's
    broadcast error instead, which the common prelude names. `step(g)` is the value the
    update gives from gradient g."""
    if grad.ndim != 2 or grad.shape[0] != grad.shape[1] or grad.shape[0] < 2:
        return []
    return [
        (
            "grad was transposed (grad.T), its rows and columns swapped, which runs only "
            "while theta is square: grad already has theta's shape, so use it as it is",
            lambda: step(grad.T),
        )
    ]


def with_defaults(fn: Callable[..., Any], args: Sequence[Any]) -> list[Any]:
    """A case's positional arguments, then the reference's defaults for those it left out."""
    params = list(inspect.signature(fn).parameters.values())
    return [*args, *(param.default for param in params[len(args) :])]


def step_case(name: str, fn: Callable[..., Any], args: Sequence[Any]) -> Case:
    """A case that calls the entry `fn` is the reference of (same name) with `args`, described
    by every parameter in the signature's order, the defaults standing for those left out."""
    params = inspect.signature(fn).parameters
    shown = dict(zip(params, with_defaults(fn, args), strict=True))
    inputs = {**call_inputs(fn.__name__, *args), "aliases": True}  # see StepChecker.returned
    return Case(name, inputs, gen.describe(**shown))


def adam_moments(
    rng: np.random.Generator,
    shape: tuple[int, ...],
    gscale: float,
    *,
    first: bool,
    late: bool,
    early: bool = False,
) -> tuple[int, np.ndarray, np.ndarray]:
    """(t, m, v) for an Adam-family case: the first step from zero moments, or moments of
    the gradient's scale at step t (t = 1000 late in training: β₁'s correction has faded there,
    β₂'s not when β₂ is near 1). `early` draws t from 3 to 6: there beta1**t still counts
    (at t = 22 with beta1 = 0.5 it is 2e-7, and only-m-corrected looked uncorrected), and
    from t = 3 a count from 0 (power t - 1) is not the step that lost its power of t."""
    if first:
        return 1, np.zeros(shape), np.zeros(shape)
    t = 1000 if late else gen.size(rng, 3, 6) if early else gen.size(rng, 2, 30)
    m = gen.normal(rng, shape, gscale * 0.5)
    v = np.abs(gen.normal(rng, shape, gscale)) ** 2
    return t, m, v


def adam_betas(rng: np.random.Generator) -> tuple[float, float]:
    """beta1 and beta2 for an Adam-family case, rounded so the case's description shows them."""
    beta1 = round(float(rng.uniform(0.5, 0.95)), 3)
    beta2 = round(float(rng.uniform(0.9, 0.9999)), 5)
    return beta1, beta2


def nearest_of(
    got: np.ndarray,
    forms: Sequence[tuple[str, Callable[[], Any]]],
    ties: Sequence[tuple[int, int, str]] = (),
) -> list[Hint]:
    """Hints for mistakes that can give nearly the same values (eps dropped, squared or moved
    under a root all vanish beside a large sqrt(s)): only the form nearest `got` may match,
    so the message names what the code computed, not whichever form is listed first.

    `ties` lists (i, j, message) for two forms that can round to the same numbers: when the
    nearest is one of them and every entry of the other agrees with it to 1e-13, no value
    can tell them apart and `message` (naming both) is the one that matches. Each value is
    computed only when a hint is tried."""
    cache: dict[str, Any] = {}

    def nearest() -> str:
        if "name" not in cache:
            with np.errstate(all="ignore"):
                values = [np.asarray(fn()) for _, fn in forms]
                gaps = [float(np.max(np.abs(got - v))) for v in values]
            if np.all(np.isnan(gaps)):
                cache["name"] = ""
                return ""
            k = int(np.nanargmin(gaps))
            cache["name"] = forms[k][0]
            for i, j, both in ties:
                if k in (i, j) and _same_to_rounding(values[i], values[j]):
                    cache["name"] = both
        return str(cache["name"])

    def value(message: str, fn: Callable[[], Any]) -> Any:
        return fn() if nearest() == message else np.full(got.shape, np.nan)

    named = [*forms, *((both, forms[i][1]) for i, _, both in ties)]
    return [(message, lambda m=message, f=fn: value(m, f)) for message, fn in named]


def _same_to_rounding(a: np.ndarray, b: np.ndarray) -> bool:
    """True when every entry of a and b agrees to 1e-13 of its size: closer than the
    rounding of two ways of writing one formula can be relied on to separate."""
    with np.errstate(all="ignore"):
        return bool(np.all(np.abs(a - b) <= 1e-13 * np.maximum(np.abs(a), np.abs(b))))


def second_moment_slips(
    name: str, decay_name: str, state: np.ndarray, decay: float, grad: np.ndarray
) -> list[Hint]:
    """The slips in state = decay * state + (1 - decay) * grad**2 (Adam's v, RMSprop's s):
    the gradient not squared, and the (1 - decay) factor left out.

    From a zero state, leaving out the factor gives grad**2 itself, which is also what
    starting the average at the first gradient gives (`if not s.any(): s = grad**2`): the
    message then names both, as it cannot tell them apart.
    """
    missing = f"{name} misses the (1 - {decay_name}) factor on grad**2"
    if not np.any(state):
        missing += (
            f" or started its average at grad**2 (or sums the squares, {name} + grad**2, as "
            f"Adagrad does): from {name} = 0 the step gives {name} = (1 - {decay_name}) * "
            "grad**2, not grad**2 itself: the first step averages like every other"
        )
    return [
        (
            f"{name} must average the squared gradient (grad**2)",
            lambda: decay * state + (1 - decay) * grad,
        ),
        (missing, lambda: decay * state + grad * grad),
        (
            f"{name} sums the squared gradients, {name} + grad**2, as Adagrad does, so the "
            f"steps only shrink; this average forgets: {name} = {decay_name} * {name} + "
            f"(1 - {decay_name}) * grad**2",
            lambda: state + grad * grad,
        ),
        (
            f"{name} must average the squared gradient (grad**2), not its absolute value",
            lambda: decay * state + (1 - decay) * np.abs(grad),
        ),
        (
            f"{decay_name} and (1 - {decay_name}) are swapped: {decay_name} weighs the old "
            f"{name}, {name} = {decay_name} * {name} + (1 - {decay_name}) * grad**2",
            lambda: (1 - decay) * state + decay * grad * grad,
        ),
    ]


def corrected_moment(
    name: str, beta_name: str, moment: np.ndarray, state: np.ndarray, beta: float, t: int
) -> Hint:
    """The bias-corrected moment returned as the state: m_hat instead of m_t (or v_hat).

    At t = 1 from a zero state the hat is grad (or grad**2) itself, which is also what
    leaving out the (1 - beta) factor or starting the average at the gradient gives: the
    message then names all three. Put it before the (1 - beta) slip's hint.
    """
    keep = (
        f"return the uncorrected {name}_t, the state the next step starts from, and use "
        f"{name}_hat only inside this step"
    )
    if t == 1 and not np.any(state):
        what = "grad" if name == "m" else "grad**2"
        text = (
            f"{name} is {what} itself, but at t = 1 from {name} = 0, {name}_t = "
            f"(1 - {beta_name}) * {what}: the (1 - {beta_name}) factor is missing, the "
            f"average was started at {what}, or the bias-corrected {name}_hat was returned; "
            f"{keep}"
        )
    else:
        text = f"{name} is the bias-corrected {name}_hat = {name}_t / (1 - {beta_name}**t); {keep}"
    return (text, lambda: moment / (1 - beta**t))


def adam_slips(
    got: np.ndarray,
    base: np.ndarray,
    m_new: np.ndarray,
    v_new: np.ndarray,
    t: int,
    lr: float,
    beta1: float,
    beta2: float,
    eps: float,
) -> tuple[Hint, list[Hint]]:
    """Adam's step taken from `base` (theta, or AdamW's decayed theta) without the bias
    correction, and the misplaced-eps forms (`eps_slips`): the slips Adam and AdamW
    share."""
    no_correction = "no bias correction: divide m by (1 - beta1**t) and v by (1 - beta2**t)"
    if t == 1:
        no_correction += (
            "; at t = 1 this is also what a step count from 0 gives when it skips the "
            "correction at 0: t counts from 1, so the first step divides by 1 - beta1 and "
            "1 - beta2"
        )
    slips = eps_slips(
        got, base, m_new / (1 - beta1**t), v_new / (1 - beta2**t), lr, eps, ("m_hat", "v_hat")
    )
    if t > 1:  # at t = 1 the power changes nothing
        slips.append(
            (
                f"the bias correction lost its power of t: at t = {t} divide m by "
                "(1 - beta1**t) and v by (1 - beta2**t), not by (1 - beta1) and (1 - beta2), "
                "which is right at the first step only",
                lambda: base - lr * (m_new / (1 - beta1)) / (np.sqrt(v_new / (1 - beta2)) + eps),
            )
        )
    return ((no_correction, lambda: base - lr * m_new / (np.sqrt(v_new) + eps)), slips)


def eps_slips(
    got: np.ndarray,
    base: np.ndarray,
    numerator: np.ndarray,
    second: np.ndarray,
    lr: float,
    eps: float,
    names: tuple[str, str],
) -> list[Hint]:
    """A step `base - lr * numerator / (sqrt(second) + eps)` (Adam's m_hat over v_hat,
    RMSprop's grad over s: `names`) with eps under the root (plain or squared), left out,
    fixed at 1e-8, added to the numerator or, for want of parentheses, to theta. Where eps is small beside sqrt(second) these
    forms nearly agree with one another but not with the reference, so only the one
    nearest `got` is named."""
    top, under = names
    step = f"{top} / (sqrt({under}) + eps)"
    return nearest_of(
        got,
        [
            (
                f"eps belongs outside the square root: {step}",
                lambda: base - lr * numerator / np.sqrt(second + eps),
            ),
            (
                f"eps went under the square root as eps**2, sqrt({under} + eps**2); it is "
                f"added after the root: {step}",
                lambda: base - lr * numerator / np.sqrt(second + eps * eps),
            ),
            (
                "eps was ignored (1e-8 used instead)",
                lambda: base - lr * numerator / (np.sqrt(second) + 1e-8),
            ),
            (
                f"eps is missing: the step divides by sqrt({under}) alone; it is {step}, "
                f"and eps keeps a tiny {under} from blowing the step up",
                lambda: base - lr * numerator / np.sqrt(second),
            ),
            (
                f"eps was added to {top}, not to the denominator: {step}",
                lambda: base - lr * (numerator + eps) / np.sqrt(second),
            ),
            (
                f"eps was added to theta: lr * {top} / np.sqrt({under}) + eps divides first "
                f"and adds eps after (operator precedence); the parentheses go around the "
                f"denominator: {step}",
                lambda: base - lr * numerator / np.sqrt(second) + eps,
            ),
            *other_default_eps(base, numerator, second, lr, eps, step),
        ],
        ties=[
            (
                1,
                3,
                f"eps is missing, or went under the square root as eps**2, sqrt({under} + "
                f"eps**2) (here eps is so small beside sqrt({under}) that the two give the same "
                f"numbers); it is {step}",
            )
        ],
    )


OTHER_DEFAULT_EPS = (
    ("1e-7", 1e-7, " (Keras's default)"),
    ("1e-6", 1e-6, ""),
    ("1e-10", 1e-10, " (TensorFlow 1's RMSPropOptimizer default)"),
)
"""Defaults of eps in other libraries that a signature copied from them carries, and whose
each is; this family's drills all default to 1e-8."""


def other_default_eps(
    base: np.ndarray, numerator: np.ndarray, second: np.ndarray, lr: float, eps: float, step: str
) -> list[Hint]:
    """The step with another library's default eps, on a case that called with the default
    (eps = 1e-8): only there does a signature's wrong default show."""
    if eps != 1e-8:
        return []
    return [
        (
            f"eps defaults to {shown} in your signature{whose}; this drill's default is "
            f"eps=1e-8: {step} with eps = 1e-8 when none is passed",
            lambda other=other: base - lr * numerator / (np.sqrt(second) + other),
        )
        for shown, other, whose in OTHER_DEFAULT_EPS
    ]


def tiny_gradient_defaults(
    rng: np.random.Generator, shape: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray]:
    """theta and a gradient of about 1e-6 for a case that leaves every hyperparameter to
    its default: there sqrt of the second moment is about 1e-6, so the default eps of 1e-8
    moves the step by 1% and a default of 1e-7 by 10% (beside gradients of 1e-2 and more
    a wrong default eps changed theta by less than the tolerance and passed)."""
    theta = gen.normal(rng, shape)
    grad = gen.with_zeros(rng, gen.normal(rng, shape, 1e-6), 0.1, keep_nonzero=True)
    return theta, grad


def moment_slips(
    base: np.ndarray,
    grad: np.ndarray,
    m_old: np.ndarray,
    v_old: np.ndarray,
    v_new: np.ndarray,
    t: int,
    lr: float,
    beta1: float,
    beta2: float,
    eps: float,
) -> tuple[Hint, Hint]:
    """Adam's step taken from `base` (theta, or AdamW's decayed theta) with the moments
    passed in instead of the updated ones, and with grad in place of m_hat: the two moment
    slips Adam and AdamW share."""
    return (
        (
            "theta was updated with the old m and v, the ones passed in: update the "
            "moments with this grad first, then step with their bias-corrected values",
            lambda: base - lr * (m_old / (1 - beta1**t)) / (np.sqrt(v_old / (1 - beta2**t)) + eps),
        ),
        (
            "the step's numerator is grad itself, not m_hat: that is RMSProp with Adam's "
            "v, and the momentum is lost; Adam steps by lr * m_hat / (sqrt(v_hat) + eps)",
            lambda: base - lr * grad / (np.sqrt(v_new / (1 - beta2**t)) + eps),
        ),
    )


def correction_slips(
    base: np.ndarray,
    m_new: np.ndarray,
    v_new: np.ndarray,
    t: int,
    lr: float,
    beta1: float,
    beta2: float,
    eps: float,
) -> tuple[list[Hint], list[Hint]]:
    """Adam's step from `base` with half a bias correction (or one with the other moment's
    beta), or with t counted from 0 (the correction's power t - 1) or one step ahead (t + 1):
    the finite forms for
    `close`, and for `array`'s non-finite hints the zero-based form at t = 1, where
    1 - beta**0 = 0 divides m and v by zero."""
    m_hat, v_hat = m_new / (1 - beta1**t), v_new / (1 - beta2**t)
    from_zero = (
        "the bias correction used t - 1 (a step count from 0); t counts from 1, so the "
        "first step divides m by 1 - beta1 and v by 1 - beta2"
    )

    def step(power: int) -> Any:
        return base - lr * (m_new / (1 - beta1**power)) / (
            np.sqrt(v_new / (1 - beta2**power)) + eps
        )

    finite: list[Hint] = [
        (
            "only m was bias-corrected: v_hat = v / (1 - beta2**t) too, and the step divides "
            "by sqrt(v_hat) + eps",
            lambda: base - lr * m_hat / (np.sqrt(v_new) + eps),
        ),
        (
            "only v was bias-corrected: m_hat = m / (1 - beta1**t) too",
            lambda: base - lr * m_new / (np.sqrt(v_hat) + eps),
        ),
        (
            "m was divided by sqrt(1 - beta1**t); the square root belongs to v's correction "
            "(sqrt(v_hat) = sqrt(v) / sqrt(1 - beta2**t)): m_hat = m / (1 - beta1**t)",
            lambda: base - lr * (m_new / np.sqrt(1 - beta1**t)) / (np.sqrt(v_hat) + eps),
        ),
        (
            "v was bias-corrected with beta1; v_hat = v / (1 - beta2**t), each moment with "
            "its own beta",
            lambda: base - lr * m_hat / (np.sqrt(v_new / (1 - beta1**t)) + eps),
        ),
        (
            "m was bias-corrected with beta2; m_hat = m / (1 - beta1**t), each moment with "
            "its own beta",
            lambda: base - lr * (m_new / (1 - beta2**t)) / (np.sqrt(v_hat) + eps),
        ),
    ]
    if t > 1:
        finite.append((from_zero, lambda: step(t - 1)))
        # one moment a step behind the other (a counter read before its increment for one)
        finite.append(
            (
                "v's bias correction used t - 1 while m's used t: both moments are corrected "
                "with this step's t, v_hat = v / (1 - beta2**t)",
                lambda: base - lr * m_hat / (np.sqrt(v_new / (1 - beta2 ** (t - 1))) + eps),
            )
        )
        finite.append(
            (
                "m's bias correction used t - 1 while v's used t: both moments are corrected "
                "with this step's t, m_hat = m / (1 - beta1**t)",
                lambda: base - lr * (m_new / (1 - beta1 ** (t - 1))) / (np.sqrt(v_hat) + eps),
            )
        )
    finite.append(
        (
            "the bias correction used t + 1: t is already this step's number, 1 on the first "
            "step (incremented before the call), so 1 - beta**(t + 1) corrects for one step "
            "more than were taken; use 1 - beta1**t and 1 - beta2**t",
            lambda: step(t + 1),
        )
    )
    nonfinite: list[Hint] = [
        (
            f"{from_zero}: at t = 1 the correction 1 - beta**0 is 0, a division by zero",
            lambda: step(0),
        )
    ]
    return finite, (nonfinite if t == 1 else [])


def beta_times_t_slips(
    base: np.ndarray,
    m_new: np.ndarray,
    v_new: np.ndarray,
    t: int,
    lr: float,
    beta1: float,
    beta2: float,
    eps: float,
) -> tuple[list[Hint], list[Hint]]:
    """Adam's step from `base` with the bias corrections typed 1 - beta*t (no power): the
    finite forms (abs around the corrections, signed or not on m) for `close`, and the
    plain form for `array`'s non-finite hints (from t = 2 on, 1 - beta2*t < 0 for any
    beta2 >= 0.5, so sqrt(v_hat) is NaN; 1 - beta1*t can be exactly 0, so m_hat inf)."""
    message = "the bias correction used 1 - beta*t; it is 1 - beta**t (beta to the power t)"
    negative = (
        f"the bias correction used 1 - beta*t, negative from t = 2 on (here 1 - beta2*t = "
        f"{1 - beta2 * t:.6g}), so v_hat is negative and its square root NaN; it is "
        "1 - beta**t (beta to the power t)"
    )

    def step(m_corr: float, v_corr: float) -> Any:
        return base - lr * (m_new / m_corr) / (np.sqrt(v_new / v_corr) + eps)

    m_signed, v_signed = 1 - beta1 * t, 1 - beta2 * t
    whole_power = (
        "the bias correction raised the whole (1 - beta) to the power t, (1 - beta)**t; "
        "only beta is raised: 1 - beta**t"
    )
    return (
        [
            (message, lambda: step(m_signed, abs(v_signed))),
            (message, lambda: step(abs(m_signed), abs(v_signed))),
            (whole_power, lambda: step((1 - beta1) ** t, (1 - beta2) ** t)),
        ],
        [
            (negative, lambda: step(m_signed, v_signed)),
            (negative, lambda: step(abs(m_signed), v_signed)),
        ],
    )


class StepChecker(NNChecker):
    """Optimizer steps must return new arrays and leave theta, grad and state untouched."""

    copy_hint = "return new arrays (theta - ...) instead of updating with -= or +="

    def check_last(self, outputs: dict[str, Any], j: Judgement) -> None:
        """Fail when a returned array is an argument itself (or a view of one), as the call
        harness saw it: momentum's v_new = grad on the first step (a PyTorch port without
        its clone) passed, and the caller's next in-place change to grad would move v."""
        aliases = outputs.get("aliases")
        if not isinstance(aliases, list):
            return
        params = self.signatures()[self.entries[0]]
        for item, k in enumerate(aliases, 1):
            if type(k) is int and 0 <= k < len(params):
                j.fail(
                    f"item {item} of the result is the caller's {params[k]} itself (or a view "
                    f"of it), not a new array: the caller keeps it for the next step, so a "
                    f"later in-place change to {params[k]} would change it too; return a copy "
                    f"({params[k]}.copy(), or an expression that builds a new array)"
                )

    def returned(
        self,
        j: Judgement,
        outputs: dict[str, Any],
        *,
        nonfinite: Mapping[str, Sequence[Hint]] | None = None,
        **inputs: np.ndarray,
    ) -> list[np.ndarray]:
        """The step's result, a tuple of float64 arrays each shaped like the input of its name
        (`theta=theta, v=v` reads a (theta, v) result); `nonfinite` names the formulas that
        explain a NaN or inf in one of them (see Judgement.array)."""
        names = list(inputs)
        got = j.sequence(f"the result ({', '.join(names)})", outputs.get("out"), len(names))
        hints = nonfinite or {}
        return [
            j.array(name, value, inputs[name].shape, nonfinite=hints.get(name, ()), tol=STEP_TOL)
            for name, value in zip(names, got, strict=True)
        ]
