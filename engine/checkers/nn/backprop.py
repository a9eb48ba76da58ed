"""Checker for the two-layer network's loss and gradients (ReLU hidden, softmax + CE)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checkers.wide_float import beyond_longdouble
from engine.checks import Axes, Judgement, Tolerance
from engine.nn import backprop as ref
from engine.nn.gradcheck import numerical_gradient
from engine.nn.softmax import softmax

__all__ = ["two_layer"]

LOSS_TOL = Tolerance(rtol=1e-9, atol=1e-12)
GRAD_TOL = Tolerance(rtol=1e-7, atol=1e-11)
NUMERIC_TOL = Tolerance(rtol=1e-5, atol=1e-8)
PARAMS = ("W1", "b1", "W2", "b2")
GRADS = ("dW1", "db1", "dW2", "db2")
GRAD_AXES: dict[str, Axes] = {
    "dW1": (("h", "hidden units"), ("n_x", "input features")),
    "db1": (("h", "hidden units"), ("1", "")),
    "dW2": (("c", "classes"), ("h", "hidden units")),
    "db2": (("c", "classes"), ("1", "")),
}
"""What each gradient's rows and columns hold: a gradient has its parameter's shape."""
MASK_MISSING = (
    "the ReLU mask is missing or is 1 everywhere (a1 >= 0 always holds, since a1 = "
    "max(z1, 0) is never negative): multiply by (z1 > 0) on the way back"
)
MASK_AT_ZERO = "the ReLU mask uses z1 >= 0; the derivative at 0 is taken as 0 (z1 > 0)"
MASK_ON_GRADIENT = (
    "the ReLU was applied to the gradient (np.maximum(da1, 0)); the backward pass masks "
    "it by where the forward input was positive: da1 * (z1 > 0)"
)
MASK_BY_ACTIVATION = (
    "the gradient was multiplied by a1 = max(z1, 0), the activation itself; ReLU's "
    "derivative is 0 or 1, so the backward pass multiplies by (z1 > 0)"
)
MASK_WITHOUT_BIAS = (
    "the ReLU mask was taken from W1 @ X alone, without b1: the forward pass's z1 = W1 @ X "
    "+ b1 decides which units were active, so mask by (z1 > 0) with the z1 you computed"
)
DW2_FROM_Z1 = (
    "dW2 was built from z1, the first layer's pre-activation; the second layer's input is "
    "a1 = max(z1, 0), so dW2 = dz2 @ a1.T (averaged over the m examples)"
)
SOFTMAX_DIAGONAL = (
    "dz2 is -Y * (1 - y_hat), nonzero at the true class only: that is the softmax "
    "Jacobian's diagonal alone; its off-diagonal terms add the other classes' y_hat, and "
    "with cross-entropy dz2 = y_hat - Y"
)

LOGIT_OFFSET = 800.0
"""A shared output bias this large leaves the softmax unchanged but overflows np.exp(Z2)."""
FAR_LOGIT_OFFSET = 2e4
"""The same past np.longdouble's exp (about 11356), which a wider type overflows on too."""
OVERFLOWED = (
    "loss is {0} with every logit near {1:g} (b2 adds {1:g} to each class, which leaves the "
    "softmax unchanged): np.exp(Z2) overflows to inf and inf / inf is nan; subtract each "
    "column's max before the exp, Z2 - Z2.max(axis=0, keepdims=True)"
)

_OVER_M_MINUS_1 = "it was divided by m - 1 = {0}; the mean over the examples divides by m = {1}"


def _summed_units(j: Judgement, key: str, value: Any, shape: tuple[int, ...], m: int) -> None:
    """Name a bias gradient of shape (1, m): summed over the units (axis 0, or every entry when
    m = 1) instead of over the examples; the shape check alone says only what is expected."""
    if isinstance(value, np.ndarray) and value.shape == (1, m) != shape:
        j.fail(
            f"{key} has shape {value.shape}; expected {shape}: dZ was summed over axis 0 (the "
            "units); a bias gradient sums dZ over the examples, np.sum(dZ, axis=1, "
            "keepdims=True)"
        )


def _loss_softmax_over_all(X: np.ndarray, Y: np.ndarray, p: Mapping[str, np.ndarray]) -> float:
    """The mean cross-entropy when one softmax normalizes every entry of Z2 together."""
    z2 = p["W2"] @ np.maximum(p["W1"] @ X + p["b1"], 0.0) + p["b2"]
    log_p = z2 - z2.max()
    log_p = log_p - np.log(np.exp(log_p).sum())
    return float(-np.sum(Y * log_p) / X.shape[1])


def _loss_lse_without_max(X: np.ndarray, Y: np.ndarray, p: Mapping[str, np.ndarray]) -> float:
    """The mean cross-entropy through a logsumexp whose subtracted max was not added back."""
    z2 = p["W2"] @ np.maximum(p["W1"] @ X + p["b1"], 0.0) + p["b2"]
    top = z2.max(axis=0, keepdims=True)
    with np.errstate(all="ignore"):
        log_p = z2 - np.log(np.exp(z2 - top).sum(axis=0, keepdims=True))
    return float(-np.sum(Y * log_p) / X.shape[1])


def _variant_grads(
    X: np.ndarray, Y: np.ndarray, p: Mapping[str, np.ndarray]
) -> dict[str, dict[str, np.ndarray]]:
    """Gradients a few common mistakes produce, keyed by what went wrong."""
    m = X.shape[1]
    z1 = p["W1"] @ X + p["b1"]
    a1 = np.maximum(z1, 0.0)
    dz2 = softmax(p["W2"] @ a1 + p["b2"]) - Y
    da1 = p["W2"].T @ dz2

    def first_layer(dz1: np.ndarray) -> dict[str, np.ndarray]:
        return {"dW1": dz1 @ X.T / m, "db1": dz1.sum(axis=1, keepdims=True) / m}

    diagonal = -Y * (1.0 - (dz2 + Y))  # y_hat = dz2 + Y
    da1_diagonal = p["W2"].T @ diagonal
    return {
        DW2_FROM_Z1: {"dW2": dz2 @ z1.T / m},
        MASK_MISSING: first_layer(da1),
        MASK_AT_ZERO: first_layer(da1 * (z1 >= 0)),
        MASK_ON_GRADIENT: first_layer(np.maximum(da1, 0.0)),
        MASK_BY_ACTIVATION: first_layer(da1 * a1),
        MASK_WITHOUT_BIAS: first_layer(da1 * (p["W1"] @ X > 0)),
        SOFTMAX_DIAGONAL: {
            **first_layer(da1_diagonal * (z1 > 0)),
            "dW2": diagonal @ a1.T / m,
            "db2": diagonal.sum(axis=1, keepdims=True) / m,
        },
    }


class TwoLayerChecker(NNChecker):
    """two_layer_loss_and_grads against the reference and a numerical gradient."""

    name = "nn.backprop.two_layer"
    entries = ("two_layer_loss_and_grads",)
    copy_hint = "work on copies or build new arrays"

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"two_layer_loss_and_grads": ref.two_layer_loss_and_grads}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def make(
            n_x: int, m: int, n_h: int, c: int, x_scale: float = 1.0
        ) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
            X = gen.normal(rng, (n_x, m), x_scale)
            Y = gen.one_hot(rng, c, m)
            p = {
                "W1": gen.normal(rng, (n_h, n_x), 0.8),
                "b1": gen.normal(rng, (n_h, 1), 0.3),
                "W2": gen.normal(rng, (c, n_h), 0.8),
                "b2": gen.normal(rng, (c, 1), 0.3),
            }
            return X, Y, p

        plans: list[tuple[str, tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]], bool]] = []
        plans.append(("one example, one hidden unit", make(2, 1, 1, 2), False))
        plans.append(("a small batch", make(3, gen.size(rng, 4, 7), gen.size(rng, 3, 5), 3), False))
        plans.append(
            (
                "a wider batch",
                make(
                    gen.size(rng, 4, 6),
                    gen.size(rng, 12, 20),
                    gen.size(rng, 6, 10),
                    gen.size(rng, 4, 6),
                ),
                False,
            )
        )
        X, Y, p = make(3, 6, 4, 3)
        X[:, 0] = 0.0
        p["b1"][:2] = 0.0  # z1 is exactly 0 for those units on the first example
        plans.append(("exact zeros in z1", (X, Y, p), False))
        X, Y, p = make(4, 10, 5, 3)
        X = gen.column_scales(rng, X, 1e-2, 1e1)
        plans.append(("examples of very different scales", (X, Y, p), False))
        plans.append(("a larger batch", make(8, 64, 16, 5), False))
        X, Y, p = make(3, 5, 4, 3)
        z1 = p["W1"] @ X + p["b1"]
        p["b1"] = p["b1"] + np.where(np.abs(z1).min(axis=1, keepdims=True) < 0.05, 0.2, 0.0)
        plans.append(("against a numerical gradient", (X, Y, p), True))
        X, Y, p = make(3, gen.size(rng, 3, 6), 4, 3)
        p["b2"] = p["b2"] + LOGIT_OFFSET
        plans.append((f"large logits (b2 near {LOGIT_OFFSET:g})", (X, Y, p), False))
        # past np.longdouble's exp (about 11356): an unshifted softmax computed in long
        # double passed logits near 800
        X, Y, p = make(3, gen.size(rng, 3, 6), 4, 3)
        p["b2"] = p["b2"] + FAR_LOGIT_OFFSET
        plans.append((f"logits near {FAR_LOGIT_OFFSET:g} (b2)", (X, Y, p), False))
        out = []
        for i, (what, (X, Y, p), numeric) in enumerate(plans, 1):
            n_h, c = p["W1"].shape[0], Y.shape[0]
            out.append(
                Case(
                    f"case {i}: {what}",
                    call_inputs("two_layer_loss_and_grads", X, Y, p),
                    gen.describe(X=X, Y=f"one-hot {Y.shape}", hidden_units=n_h, classes=c),
                    private={"numeric": numeric},
                )
            )
        return out

    def prepare(self, case: Case) -> tuple[float, dict[str, np.ndarray]]:
        """The reference's loss and gradients (computed while the submission runs)."""
        X, Y, p = case.inputs["args"]
        return ref.two_layer_loss_and_grads(X, Y, p)

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        X, Y, p = case.inputs["args"]
        m = X.shape[1]
        loss_ref, grads_ref = j.prepared
        loss, grads = j.sequence("the result (loss, grads)", outputs.get("out"), 2)
        if isinstance(loss, dict) and not isinstance(grads, dict):
            j.fail("the result is (grads, loss); it is (loss, grads), in that order")
        if m == 1 and isinstance(loss, float | np.floating) and not np.isfinite(loss):
            j.fail(
                f"loss is {float(loss)} on a batch of one example: was the summed loss divided "
                "by m - 1, which is 0 here? The mean over the examples divides by m"
            )
        real = isinstance(loss, float | np.floating)
        if real and not np.isfinite(loss) and np.all(p["b2"] > FAR_LOGIT_OFFSET / 2):
            z2 = p["W2"] @ np.maximum(p["W1"] @ X + p["b1"], 0.0) + p["b2"]
            note = beyond_longdouble(z2, "Z2", normalized=True)
            j.fail(OVERFLOWED.format(float(loss), FAR_LOGIT_OFFSET) + f"\n{note}")
        if real and not np.isfinite(loss) and np.all(p["b2"] > LOGIT_OFFSET / 2):
            j.fail(OVERFLOWED.format(float(loss), LOGIT_OFFSET))
        if m == 1 and real and loss == 0.0:
            j.fail(
                "loss is 0 on a batch of one example: a softmax over axis 1 (the examples) "
                "gives every class probability 1 when there is one column; the classes are the "
                "rows, so normalize over axis 0"
            )
        got_loss = j.scalar("loss", loss)
        j.close(
            "loss",
            got_loss,
            loss_ref,
            LOSS_TOL,
            hints=[
                (
                    "the softmax was normalized over every entry of Z2 at once (a max and a "
                    "sum without axis), one distribution for the whole batch; each column is "
                    "one example, so normalize over axis 0, keepdims=True",
                    lambda: _loss_softmax_over_all(X, Y, p),
                ),
                (
                    "the log-softmax lost each column's max: Z2 - log(sum(exp(Z2 - max))) is "
                    "log_softmax(Z2) + max; the logsumexp is max + log(sum(exp(Z2 - max))), so "
                    "the shift comes off in both places: (Z2 - max) - log(sum(exp(Z2 - max)))",
                    lambda: _loss_lse_without_max(X, Y, p),
                ),
            ],
            factors=[
                (float(m), f"average the loss over the m = {m} examples"),
                *(
                    [
                        (
                            1.0 / Y.shape[0],
                            f"the mean was taken over the c = {Y.shape[0]} classes (np.mean "
                            "over axis 0, or over every entry of Y * log(Y_hat)); sum over the "
                            "classes and divide by the m examples",
                        )
                    ]
                    if Y.shape[0] != m
                    else []
                ),
                *([(m / (m - 1), _OVER_M_MINUS_1.format(m - 1, m))] if m > 1 else []),
            ],
            # the loss is checked first and is one number: a float32 hidden layer read
            # "max rel error 1.5e-09" alone
            near_miss=(
                "the loss agrees with the expected value to about 7 digits only: a step "
                "computed in float32 (an .astype(np.float32), a float32 array) or an additive "
                "epsilon inside the log (log(p + 1e-9)) leaves that; compute every step in "
                "float64 and take the log of the softmax as shifted - log(sum(exp(shifted)))"
            ),
        )
        grads = j.mapping("grads", grads, GRADS)
        for key in ("db1", "db2"):
            _summed_units(j, key, grads[key], grads_ref[key].shape, m)
        j.shapes({k: (grads[k], grads_ref[k].shape) for k in GRADS}, GRAD_AXES)
        got = {k: j.array(k, grads[k], grads_ref[k].shape, axes=GRAD_AXES[k]) for k in GRADS}
        for layer in "12":
            # dz2 = y_hat - Y is never 0; a zero dz1 from a slip upstream zeroes dW1 too
            bias = f"db{layer}"
            upstream = layer == "1" and not np.any(got["dW1"])
            if np.any(grads_ref[bias]) and not np.any(got[bias]) and not upstream:
                j.fail(
                    f"db{layer} is all zeros: the bias gradient was left out; b{layer} moves "
                    f"every example's z{layer}, so db{layer} = np.sum(dZ{layer}, axis=1, "
                    "keepdims=True)"
                )
        # the common mistakes' gradients are computed only when a failure needs explaining
        variants = functools.cache(functools.partial(_variant_grads, X, Y, p))

        def hint(msg: str, key: str) -> Callable[[], np.ndarray]:
            return lambda: variants()[msg][key]

        factors = (
            [
                (float(m), f"did you forget the 1/m? (m = {m})"),
                (
                    1.0 / m,
                    f"it was divided by m = {m} twice: when dZ2 = (Y_hat - Y) / m already carries "
                    "the 1/m, the gradients built from it do not divide again",
                ),
            ]
            if m > 1
            else []
        ) + ([(m / (m - 1), _OVER_M_MINUS_1.format(m - 1, m))] if m > 2 else [])
        first_layer = (
            MASK_MISSING,
            MASK_AT_ZERO,
            MASK_ON_GRADIENT,
            MASK_BY_ACTIVATION,
            MASK_WITHOUT_BIAS,
        )
        slips_of = {
            "dW1": (*first_layer, SOFTMAX_DIAGONAL),
            "db1": (*first_layer, SOFTMAX_DIAGONAL),
            "dW2": (DW2_FROM_Z1, SOFTMAX_DIAGONAL),
            "db2": (SOFTMAX_DIAGONAL,),
        }
        shown = {MASK_MISSING: MASK_MISSING}
        if bool(np.all(p["W1"] @ X > 0)):  # a mask without b1 is 1 everywhere here too
            shown[MASK_MISSING] = (
                f"{MASK_MISSING} (or it was taken from W1 @ X alone, without b1, which is "
                "positive everywhere in this case)"
            )
        for key in GRADS:
            slips = slips_of[key]
            j.close(
                key,
                got[key],
                grads_ref[key],
                GRAD_TOL,
                hints=[(shown.get(msg, msg), hint(msg, key)) for msg in slips],
                factors=factors,
            )
        if case.private.get("numeric"):
            for name, key in zip(PARAMS, GRADS, strict=True):
                work = {k: v.copy() for k, v in p.items()}

                def loss_of(
                    theta: np.ndarray, name: str = name, work: dict[str, np.ndarray] = work
                ) -> float:
                    work[name] = theta
                    return ref.two_layer_loss(X, Y, work)

                numeric = numerical_gradient(loss_of, p[name].copy())
                j.close(f"{key} vs numerical gradient", got[key], numeric, NUMERIC_TOL)


two_layer = TwoLayerChecker
