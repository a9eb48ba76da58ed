"""Checkers for sigmoid, its derivative, and the ReLU family."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checkers.wide_float import beyond_longdouble, far_values
from engine.checks import Judgement, Tolerance
from engine.nn import activations as ref

__all__ = ["relu_family", "sigmoid", "sigmoid_grad"]

FLOAT64_MAX = float(np.finfo(np.float64).max)

SELU_SCALE = 1.0507009873554805
"""SELU's scale (Klambauer et al., 2017): a SELU with ELU's alpha is this times ELU."""
LEAKY_DEFAULTS = (
    (0.3, "Keras's LeakyReLU default"),
    (0.2, "TensorFlow's tf.nn.leaky_relu default"),
)
"""Other libraries' default slopes, named when the default-alpha case gets one."""

ELEMENTWISE = Tolerance(rtol=1e-9, atol=1e-12)
NUMERIC = Tolerance(rtol=1e-6, atol=1e-9)


def _activation_inputs(rng: np.random.Generator, huge: float) -> list[tuple[str, np.ndarray]]:
    """Shapes and edge values every elementwise drill sees."""
    n, m = gen.size(rng, 2, 6), gen.size(rng, 2, 9)
    large = rng.uniform(-huge, huge, size=(gen.size(rng, 1, 3), 7))
    large[0, :2] = [-huge, huge]  # always both extremes
    return [
        ("a single value", gen.normal(rng, (1, 1), 2.0)),
        ("moderate values", gen.normal(rng, (n, m), 3.0)),
        ("a 1-D array", gen.normal(rng, (gen.size(rng, 3, 12),), 4.0)),
        ("exact zeros and ties", gen.with_ties(rng, gen.with_zeros(rng, gen.normal(rng, (n, m))))),
        ("large magnitudes", large),
        (
            "columns of very different scales",
            gen.column_scales(rng, gen.normal(rng, (4, 8)), 1e-3, 1e3),
        ),
        ("a larger matrix", gen.normal(rng, (64, 96), 5.0)),
    ]


class _Elementwise(NNChecker):
    """One entry applied elementwise; the result must match the reference."""

    def expected(self, case: Case) -> np.ndarray:
        fn: Callable[..., Any] = self.reference()[case.inputs["fn"]]
        return np.asarray(fn(*case.inputs["args"]))

    def hints(self, case: Case, got: np.ndarray) -> list[tuple[str, Any]]:
        """Known mistakes for this case (message, value); `got` lets a hint read a constant
        the submission chose (a clip bound) from its result."""
        return []

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        expected = self.expected(case)
        label = f"{case.inputs['fn']}(...)"
        got = j.array(label, outputs.get("out"), expected.shape)
        j.close(label, got, expected, ELEMENTWISE, hints=self.hints(case, got))


def _clip_bound(z: np.ndarray, got: np.ndarray) -> float | None:
    """The bound c of a sigmoid computed on np.clip(z, -c, c), read from the result at the
    largest |z| (c = |logit(got)| there, rounded to an integer when within 1e-6 of one);
    None when that value is 0 or 1 (no finite bound gives it), or when fewer than two
    inputs lie beyond the bound by 1 or more."""
    flat = int(np.argmax(np.abs(z)))
    g = float(got.reshape(-1)[flat])
    if not 0.0 < g < 1.0:
        return None
    c = abs(float(np.log(g) - np.log1p(-g)))
    if abs(c - round(c)) <= 1e-6 * max(c, 1.0):
        c = float(round(c))
    # a clip shows as two or more inputs beyond it by at least 1, not as one value nudged
    clipped = int(np.count_nonzero(np.abs(z) >= c + 1.0))
    return c if clipped >= 2 else None


class SigmoidChecker(_Elementwise):
    """sigmoid(z): exact values and no overflow warnings for every finite float64 z."""

    name = "nn.activations.sigmoid"
    entries = ("sigmoid",)
    fp_strict = True
    fp_hint = (
        "exp overflows for arguments above about 709: exp(-z) for z below -709, exp(z) for z "
        "above 709 (and np.where evaluates both branches); exponentiate only -|z|"
    )

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"sigmoid": ref.sigmoid}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        items = _activation_inputs(rng, 1e3)
        items.append(("|z| up to 1e4", np.array([[-1e4, -745.0, -710.0, 0.0, 710.0, 1e4]])))
        # past np.longdouble's exp (about 11356): the card promises every finite float64
        items.append(("|z| from 2e4 to 1e300", far_values(rng, 12).reshape(2, 6)))
        items.append(
            ("the largest float64 values", np.array([-FLOAT64_MAX, -1e308, 1e308, FLOAT64_MAX]))
        )
        return [
            Case(f"case {i}: {what}", call_inputs("sigmoid", z), gen.describe(z=z))
            for i, (what, z) in enumerate(items, 1)
        ]

    def fp_note(self, case: Case) -> str | None:
        """The inputs past long double's range: a naive form computed wider fails only there."""
        return beyond_longdouble(case.inputs["args"][0])

    def hints(self, case: Case, got: np.ndarray) -> list[tuple[str, Any]]:
        z = case.inputs["args"][0]
        absolute = (
            "sigmoid(|z|): exp(-|z|) is the stable piece, but where z < 0 the result is "
            "e / (1 + e) with e = exp(-|z|), not 1 / (1 + e)"
        )
        sign = "this is sigmoid(-z): check the sign inside exp"
        if np.all(z <= 0):  # sigmoid(-z) and sigmoid(|z|) are the same values: say both
            sign += f" (or {absolute}; the two agree for z <= 0)"
        out: list[tuple[str, Any]] = [
            (sign, ref.sigmoid(-z)),
            (f"this is {absolute}", lambda: ref.sigmoid(np.abs(z))),
            (
                "1 / 1 + np.exp(-z) is 1 + exp(-z): division binds before addition, so the "
                "denominator needs its brackets, 1 / (1 + np.exp(-z))",
                lambda: 1.0 + np.exp(-z),
            ),
            (
                "(1 + tanh(z)) / 2 is sigmoid(2z); the identity is sigmoid(z) = "
                "(1 + tanh(z/2)) / 2",
                lambda: ref.sigmoid(2.0 * z),
            ),
        ]
        c = _clip_bound(z, got)
        if c is not None:
            zmax = float(np.abs(z).max())
            out.append(
                (
                    f"z was clipped to [-{c:g}, {c:g}] (or the result to [sigmoid(-{c:g}), "
                    f"sigmoid({c:g})]), which changes the result: "
                    f"sigmoid(-{c:g}) = {float(ref.sigmoid(np.array(-c))):.3g}, while "
                    f"sigmoid(-{zmax:g}) = {float(ref.sigmoid(np.array(-zmax))):.3g}; the "
                    "stable form needs no clip (exp(-|z|) never overflows)",
                    lambda: ref.sigmoid(np.clip(z, -c, c)),
                )
            )
        return out


DIFFERENCE_STEPS = (1e-5, 1e-4, 1e-6)
"""Steps h seen in numerical derivatives, the most common first; a smaller step's error
(about 5e-8 relative for a one-sided h = 1e-7) is float32's, which has its own message."""


def _difference_quotient_hints(z: np.ndarray, got: np.ndarray) -> list[tuple[str, Any]]:
    """sigmoid_grad estimated by a difference quotient instead of the closed form, one hint
    per common step h and per form (forward, backward, central). None where every value
    of `got` is a float32 number: a quotient computed in float64 never is, and on a single
    value a float32 result once lay within the tolerance of a one-sided difference."""
    with np.errstate(all="ignore"):
        if got.size and np.array_equal(got, got.astype(np.float32).astype(np.float64)):
            return []
    closed = "the derivative has a closed form: sigmoid(z) * (1 - sigmoid(z))"
    hints: list[tuple[str, Any]] = []
    for h in DIFFERENCE_STEPS:
        shown = f"{h:.0e}".replace("e-0", "e-")
        hints += [
            (
                f"this is a numerical derivative, (sigmoid(z + h) - sigmoid(z - h)) / (2h) with "
                f"h = {shown}: a central difference is off by about h**2 / 6 times the third "
                f"derivative, plus rounding of about 1e-16 / h, more than the tolerance; {closed}",
                lambda h=h: (ref.sigmoid(z + h) - ref.sigmoid(z - h)) / (2 * h),
            ),
            (
                f"this is a one-sided difference, (sigmoid(z + h) - sigmoid(z)) / h with "
                f"h = {shown}: it is off by about h / 2 times the second derivative; {closed}",
                lambda h=h: (ref.sigmoid(z + h) - ref.sigmoid(z)) / h,
            ),
            (
                f"this is a one-sided difference, (sigmoid(z) - sigmoid(z - h)) / h with "
                f"h = {shown}: it is off by about h / 2 times the second derivative; {closed}",
                lambda h=h: (ref.sigmoid(z) - ref.sigmoid(z - h)) / h,
            ),
        ]
    return hints


LARGE_POSITIVE = "large positive z only"
"""sigmoid_grad's case whose overflow names a term that grows like exp(|z|) (cosh(z/2), exp(z)):
the naive sigmoid's exp(-z) only underflows there."""


class SigmoidGradChecker(_Elementwise):
    """sigmoid_grad(z) up to |z| = 1e300 with no overflow warnings, and a numerical derivative."""

    name = "nn.activations.sigmoid_grad"
    entries = ("sigmoid_grad",)
    fp_strict = True
    fp_hint = (
        "with the naive sigmoid 1 / (1 + exp(-z)), exp(-z) overflows for z below about -709 "
        "(cosh(z/2) in 1 / (4 cosh(z/2)**2) overflows for large |z| of either sign, exp(z) "
        "for large positive z); use a stable sigmoid, or e = exp(-|z|) and e / (1 + e)**2 "
        "(the derivative is even)"
    )

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"sigmoid_grad": ref.sigmoid_grad}

    def fp_cause(self, case: Case, outputs: Any, events: Sequence[str] = ()) -> str | None:
        """An overflow for large positive z only: a term growing like exp(|z|), such as the
        cosh in 1 / (4 cosh(z/2)**2), not the naive sigmoid's exp(-z), which the generic
        message names."""
        if not case.private.get("positive"):
            return None
        z = case.inputs["args"][0]
        got = outputs.get("out") if isinstance(outputs, Mapping) else None
        expected = ref.sigmoid_grad(z)
        right = (
            isinstance(got, np.ndarray)
            and got.shape == expected.shape
            and bool(np.all(ELEMENTWISE.violation(got.astype(np.float64), expected) <= 1.0))
        )
        fix = (
            "write it with e = exp(-|z|) as e / (1 + e)**2, the same function, whose "
            "exponent is never positive"
        )
        if not right:
            return (
                f"for z from {float(z.min()):g} to {float(z.max()):g} exp(z) overflowed to inf "
                f"(it does above about 709) and the result is wrong (inf / inf is nan): {fix}"
            )
        return (
            f"the values are right, but for z from {float(z.min()):g} to {float(z.max()):g}, "
            "where the naive sigmoid's exp(-z) only underflows, a term that grows like "
            "exp(|z|) overflowed: cosh(z/2) in 1 / (4 cosh(z/2)**2) (cosh(z/2) passes the "
            "largest double once |z| is above about 1420, its square above about 711), or "
            "exp(z) in 1 / (1 + exp(z)), or in the np.where branch meant for z < 0 only "
            "(np.where evaluates both branches on every entry before it picks one); "
            f"1 / inf comes out 0, but numpy warns on every such input: {fix}"
        )

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        items = _activation_inputs(rng, 1e4)  # the card promises |z| up to 1e4
        # before the mixed signs: what overflows here is not the naive sigmoid's exp(-z)
        items.insert(4, (LARGE_POSITIVE, np.array([[712.0, 1e3, 1421.0, 5e3, 1e4]])))
        items.append(("|z| up to 1e4", np.array([[-1e4, -745.0, -710.0, 0.0, 710.0, 1e4]])))
        out = [
            Case(
                f"case {i}: {what}",
                call_inputs("sigmoid_grad", z),
                gen.describe(z=z),
                private={"positive": what == LARGE_POSITIVE},
            )
            for i, (what, z) in enumerate(items, 1)
        ]
        z = rng.uniform(-8.0, 8.0, size=(3, 5))
        out.append(
            Case(
                f"case {len(items) + 1}: against a numerical derivative",
                call_inputs("sigmoid_grad", z),
                gen.describe(z=z),
                private={"numeric": True},
            )
        )
        # past np.longdouble's exp (about 11356): a naive sigmoid computed wider passed 1e4
        far = far_values(rng, 12).reshape(2, 6)
        out.append(
            Case(
                f"case {len(out) + 1}: |z| from 2e4 to 1e300",
                call_inputs("sigmoid_grad", far),
                gen.describe(z=far),
            )
        )
        return out

    def fp_note(self, case: Case) -> str | None:
        """The inputs past long double's range: a naive form computed wider fails only there."""
        return beyond_longdouble(case.inputs["args"][0])

    def hints(self, case: Case, got: np.ndarray) -> list[tuple[str, Any]]:
        z = case.inputs["args"][0]
        s = ref.sigmoid(z)
        itself = "you returned sigmoid(z) itself; the derivative is sigmoid(z) * (1 - sigmoid(z))"
        if np.all(z <= 0):  # sigmoid(z) and sigmoid(-|z|) are the same values: say both
            itself = (
                "you returned sigmoid(z) itself, which for z <= 0 is also e / (1 + e) with "
                "e = exp(-|z|), the square missing; the derivative is sigmoid(z) * "
                "(1 - sigmoid(z)) = e / (1 + e)**2"
            )
        return [
            (itself, s),
            (
                "the square is missing: e / (1 + e) with e = exp(-|z|) is sigmoid(-|z|); the "
                "derivative is e / (1 + e)**2",
                lambda: ref.sigmoid(-np.abs(z)),
            ),
            (
                "that is z * (1 - z): apply the formula to s = sigmoid(z), not to z",
                lambda: z * (1 - z),
            ),
            ("1 - sigmoid(z)**2 is not the sigmoid's derivative (tanh' is 1 - tanh**2)", 1 - s * s),
            (
                "that is sigmoid'(sigmoid(z)): the formula s * (1 - s) was applied to "
                "s = sigmoid(a) with a = sigmoid(z) already, so z went through the sigmoid "
                "twice; take s = sigmoid(z) once and return s * (1 - s)",
                lambda: ref.sigmoid_grad(s),
            ),
            (
                "that is s * (1 + s): the derivative is s * (1 - s), with s = sigmoid(z)",
                lambda: s * (1.0 + s),
            ),
            (
                "that is sigmoid(z)**2: 1 - sigmoid(-z) is sigmoid(z) again, so it is not the "
                "second factor; the derivative is sigmoid(z) * sigmoid(-z) = s * (1 - s)",
                lambda: s * s,
            ),
            (
                "that is (1 - tanh(z/2))**2 / 4, the square over the parenthesis: the "
                "derivative is (1 - tanh(z/2)**2) / 4, tanh's derivative at z/2 halved twice",
                lambda: 0.25 * (1.0 - np.tanh(0.5 * z)) ** 2,
            ),
            (
                "(1 - tanh(z)**2) / 4 = 1 / (4 cosh(z)**2) is sigmoid'(2z); from sigmoid(z) = "
                "(1 + tanh(z/2)) / 2 the derivative is (1 - tanh(z/2)**2) / 4 = "
                "1 / (4 cosh(z/2)**2): the argument is z/2",
                lambda: ref.sigmoid_grad(2.0 * z),
            ),
            (
                "1 / (4 cosh(z/2)) misses the square: the derivative is 1 / (4 cosh(z/2)**2)",
                lambda: 0.25 / np.cosh(np.clip(0.5 * z, -700.0, 700.0)),
            ),
            (
                "1 / (2 cosh(z/2)**2) is twice the derivative: 1 / (4 cosh(z/2)**2), since "
                "sigmoid(z) = (1 + tanh(z/2)) / 2 halves tanh's derivative and z/2 halves it again",
                lambda: 2.0 * ref.sigmoid_grad(z),
            ),
            *_difference_quotient_hints(z, got),
        ]

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        super().check(case, outputs, j)
        if case.private.get("numeric"):
            z = case.inputs["args"][0]
            h = 1e-5
            numeric = (ref.sigmoid(z + h) - ref.sigmoid(z - h)) / (2 * h)
            j.close("sigmoid_grad(z) vs numerical derivative", outputs["out"], numeric, NUMERIC)


class ReluFamilyChecker(_Elementwise):
    """relu, relu_grad (0 at 0), leaky_relu and elu with their alpha arguments."""

    name = "nn.activations.relu_family"
    entries = ("relu", "relu_grad", "leaky_relu", "elu")
    # ELU's exp overflows for large z unless its negative branch is clipped first: the
    # card asks for no inf along the way, as sigmoid's and softmax's do
    fp_strict = True
    fp_hint = "in ELU, compute the exponential only on np.minimum(z, 0)"

    def fp_cause(self, case: Case, outputs: Any, events: Sequence[str] = ()) -> str | None:
        """ELU's usual overflow: np.where computes exp(z) for the large positive z it discards."""
        if case.inputs["fn"] != "elu":
            return None
        return (
            "np.where evaluates both branches, so exp(z) (or expm1(z)) overflowed to inf for "
            f"z up to {float(np.max(case.inputs['args'][0])):.4g} in the branch it then "
            "discards; the values are right, but the overflow warning shows in every training "
            "log and, under autodiff (PyTorch, JAX), the discarded inf turns the gradient into "
            "nan: compute the negative branch on np.minimum(z, 0), as in "
            "alpha * np.expm1(np.minimum(z, 0))"
        )

    def fp_note(self, case: Case) -> str | None:
        """ELU's inputs past long double's range: exp(z) computed wider overflows only there."""
        if case.inputs["fn"] != "elu":
            return None
        return beyond_longdouble(case.inputs["args"][0])

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {
            "relu": ref.relu,
            "relu_grad": ref.relu_grad,
            "leaky_relu": ref.leaky_relu,
            "elu": ref.elu,
        }

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def z_mixed(shape: tuple[int, ...]) -> np.ndarray:
            # each sign and a zero: a 2 x 2 draw once had no positive entry, and a relu_grad
            # returning relu(z) passed (or none negative, and np.sign(z) passed)
            z = gen.with_ties(rng, gen.with_zeros(rng, gen.normal(rng, shape, 3.0)))
            return gen.with_each_sign(z)

        def large(shape: tuple[int, int]) -> np.ndarray:
            z = rng.uniform(-1e3, 1e3, size=shape)
            z[0, :2] = [-1e3, 1e3]  # always both extremes: exp(1e3) overflows on every seed
            return z

        n, m = gen.size(rng, 2, 6), gen.size(rng, 2, 9)
        alpha_leaky = round(rng.uniform(0.05, 0.4), 3)
        alpha_elu = round(rng.uniform(0.2, 3.0), 3)
        plan: list[tuple[str, str, tuple[Any, ...]]] = [
            ("relu", "with exact zeros", (z_mixed((n, m)),)),
            ("relu", "a 1-D array", (gen.normal(rng, (gen.size(rng, 1, 8),)),)),
            ("relu", "large magnitudes", (large((2, 6)),)),
            ("relu_grad", "with exact zeros", (z_mixed((n, m)),)),
            ("relu_grad", "a single zero", (np.zeros((1, 1)),)),
            ("leaky_relu", "default alpha", (z_mixed((n, m)),)),
            ("leaky_relu", f"alpha={alpha_leaky}", (z_mixed((m, n)), alpha_leaky)),
            ("elu", "default alpha", (z_mixed((n, m)),)),
            ("elu", f"alpha={alpha_elu}", (z_mixed((m, n)), alpha_elu)),
            ("elu", "large magnitudes", (large((3, 4)), alpha_elu)),
        ]
        # past np.longdouble's exp (about 11356), where exp(z) computed wider overflows too
        plan.append(
            ("elu", "magnitudes from 2e4 to 1e300", (far_values(rng, 12).reshape(3, 4), alpha_elu))
        )
        out = []
        for i, (fn, what, args) in enumerate(plan, 1):
            extra = {"alpha": args[1]} if len(args) > 1 else {}
            out.append(
                Case(
                    f"case {i}: {fn}, {what}",
                    call_inputs(fn, *args),
                    gen.describe(z=args[0], **extra),
                )
            )
        return out

    def hints(self, case: Case, got: np.ndarray) -> list[tuple[str, Any]]:
        fn = case.inputs["fn"]
        z = case.inputs["args"][0]
        alpha = case.inputs["args"][1] if len(case.inputs["args"]) > 1 else None
        if fn == "relu_grad":
            return [
                (
                    "the derivative at z == 0 is taken as 0 here (use z > 0, not z >= 0)",
                    (z >= 0) * 1.0,
                ),
                (
                    "the derivative at z == 0 came out as 0.5 (np.heaviside(z, 0.5)); the "
                    "convention here is 0: np.heaviside(z, 0.0), or (z > 0) as floats",
                    np.heaviside(z, 0.5),
                ),
                (
                    "this is np.sign(z), -1 for negative z: ReLU is flat there, so its "
                    "derivative is 0 for z <= 0 and 1 for z > 0",
                    np.sign(z) * 1.0,
                ),
                (
                    "this is relu(z) itself, not its derivative: the slope is 1 wherever "
                    "z > 0, whatever the size of z",
                    lambda: ref.relu(z),
                ),
            ]
        if fn == "relu":
            return [
                (
                    "this is z + |z|, twice relu(z): relu(z) = (z + |z|) / 2, so the half "
                    "is missing (or use np.maximum(z, 0))",
                    lambda: 2.0 * ref.relu(z),
                )
            ]
        a = 0.01 if alpha is None and fn == "leaky_relu" else 1.0 if alpha is None else alpha
        if fn == "leaky_relu":
            return [
                *(
                    [("alpha was ignored (0.01 used instead)", ref.leaky_relu(z, 0.01))]
                    if alpha is not None
                    else []
                ),
                *(
                    (
                        f"called without alpha, leaky_relu used alpha = {other} ({whose}); "
                        "the Task's default is alpha=0.01, as in PyTorch's "
                        "F.leaky_relu",
                        ref.leaky_relu(z, other),
                    )
                    for other, whose in LEAKY_DEFAULTS
                    if alpha is None
                ),
                (
                    "negative z gives the constant alpha; leaky ReLU is alpha * z there",
                    lambda: np.where(z > 0, z, a),
                ),
                (
                    "negative z gives the constant alpha: max(z, alpha) is alpha there (and "
                    "for 0 < z < alpha too); leaky ReLU is max(z, alpha * z)",
                    lambda: np.maximum(z, a),
                ),
                (
                    "negative z gives alpha * |z|, a positive value; leaky ReLU keeps the "
                    "sign there: alpha * z",
                    lambda: np.where(z > 0, z, a * np.abs(z)),
                ),
            ]
        if fn == "elu":
            return [
                *(
                    [("alpha was ignored (1.0 used instead)", ref.elu(z, 1.0))]
                    if alpha is not None
                    else []
                ),
                (
                    "alpha multiplies e^z only; it multiplies (e^z - 1): alpha * (e^z - 1) "
                    "for z <= 0",
                    lambda: np.where(z > 0, z, a * np.exp(np.minimum(z, 0.0)) - 1.0),
                ),
                (
                    "alpha multiplies the positive side too (alpha * z for z > 0, as SELU's "
                    "scale does); ELU is z itself for z > 0, and alpha only scales e^z - 1",
                    lambda: a * ref.elu(z, 1.0),
                ),
                (
                    f"this is SELU, ELU times its scale {SELU_SCALE:.4f}: ELU has no scale, "
                    "z for z > 0 and alpha * (e^z - 1) for z <= 0",
                    lambda: SELU_SCALE * ref.elu(z, a),
                ),
                (
                    "the - 1 is missing: ELU is alpha * (e^z - 1) for z <= 0, so it is 0 at "
                    "z = 0 and tends to -alpha",
                    lambda: np.where(z > 0, z, a * np.exp(np.minimum(z, 0.0))),
                ),
            ]
        return []


sigmoid = SigmoidChecker
sigmoid_grad = SigmoidGradChecker
relu_family = ReluFamilyChecker
