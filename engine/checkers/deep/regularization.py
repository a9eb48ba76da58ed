"""Checker for the L2 penalty on a network's weights and its gradients."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checks import Judgement, Tolerance, fmt
from engine.deep import regularization as ref
from engine.nn.gradcheck import numerical_gradient

__all__ = ["l2_penalty_and_grads"]

TOL = Tolerance(rtol=1e-10, atol=1e-300)
"""A sum of squares and a scaling: any faithful order agrees to ~1e-15 (0 stays exactly 0)."""
NUMERIC_TOL = Tolerance(rtol=1e-6, atol=1e-7)
"""Central differences of a quadratic are exact up to rounding: about |penalty| * 1e-11,
below 3e-9 for every penalty these cases can produce (< 250 except with odds < 1e-9)."""


def _shape_slips(net: Mapping[str, np.ndarray], lam: float, m: int) -> list[tuple[str, Any]]:
    """The penalty of code that tells weights by their shape (a matrix with no dimension of
    1), which leaves out a weight of one row or column: named with the keys it left out."""
    skipped = [k for k, v in net.items() if k.startswith("W") and min(v.shape) == 1]
    if not skipped:
        return []
    kept = sum(
        float(np.sum(v * v)) for k, v in net.items() if k.startswith("W") and k not in skipped
    )
    shapes = ", ".join(f"{k} {net[k].shape}" for k in skipped)
    return [
        (
            f"the weights were told by their shape, and {shapes} was left out: a weight "
            "can have one row or column (a single output unit); the weights are the keys "
            "that start with W, whatever their shape",
            lam / (2 * m) * kept,
        )
    ]


def _layer_left_out(net: Mapping[str, np.ndarray], lam: float, m: int) -> list[tuple[str, float]]:
    """The penalty without the last layer's weights, as `for l in range(1, L)` gives."""
    weights = sorted(
        (k for k in net if k.startswith("W") and k[1:].isdigit()), key=lambda k: int(k[1:])
    )
    if not weights:
        return []
    last = weights[-1]  # with one layer, range(1, 1) is empty and the penalty 0
    kept = float(sum(np.sum(net[k] ** 2) for k in weights[:-1]))
    return [
        (
            f"the penalty leaves out {last}, the last layer's weights: range(1, L) stops at "
            "L - 1; loop over range(1, L + 1), or over every key that starts with W",
            lam / (2 * m) * kept,
        )
    ]


def _last_term_only(net: Mapping[str, np.ndarray], lam: float, m: int) -> list[tuple[str, float]]:
    """The penalty of the loop's last weight matrix alone, as `penalty = ...` (not `+=`) gives."""
    weights = [k for k in net if k.startswith("W")]
    if len(weights) < 2:  # one matrix: its term is the whole penalty
        return []
    last = weights[-1]
    return [
        (
            f"the penalty holds {last}'s term only, the loop's last weight matrix: "
            "'penalty = ...' inside the loop replaced the earlier terms; add them with +=",
            lam / (2 * m) * float(np.sum(net[last] ** 2)),
        )
    ]


def _averaged_over_layers(
    net: Mapping[str, np.ndarray], lam: float, m: int
) -> list[tuple[str, float]]:
    """The penalty divided by the number of weight matrices (a mean over layers, not a sum)."""
    weights = [v for k, v in net.items() if k.startswith("W")]
    if len(weights) < 2:
        return []
    n = len(weights)
    return [
        (
            f"the penalty is a mean over the {n} weight matrices (their sum of squares "
            f"divided by {n}); the penalty adds up every layer's squares: lam/(2m) * the sum "
            "over layers of np.sum(W**2)",
            lam / (2 * m) * float(sum(np.sum(v * v) for v in weights)) / n,
        )
    ]


def _left_out(net: Mapping[str, np.ndarray], lam: float, m: int) -> list[tuple[str, Any]]:
    """The penalties of code that leaves weights out, by shape or by the loop's last layer;
    where both leave out the same matrix (the last is one row or column) the case cannot tell
    them apart, and both are said: naming one was a guess."""
    by_shape, by_loop = _shape_slips(net, lam, m), _layer_left_out(net, lam, m)
    if not (by_shape and by_loop) or by_shape[0][1] != by_loop[0][1]:
        return [*by_shape, *by_loop]
    return [
        (
            f"{by_shape[0][0]}; or {by_loop[0][0]} (this case cannot tell which: its last "
            "layer's weights have one row or column)",
            by_shape[0][1],
        )
    ]


class L2PenaltyChecker(NNChecker):
    """l2_penalty_and_grads(params, lam, m) -> (penalty, grads): weights only, lam/(2m)."""

    name = "deep.regularization.l2_penalty_and_grads"
    entries = ("l2_penalty_and_grads",)
    copy_hint = "build new arrays ((lam / m) * W) and a new dict instead of changing params"

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"l2_penalty_and_grads": ref.l2_penalty_and_grads}

    def error_cause(self, case: Case, error: str) -> str | None:
        """`for key, value in params`: a dict iterates over its keys, and each two-letter key
        ('W1') unpacks into two one-letter strings, so arithmetic meets a str."""
        first = error.split("\n", 1)[0]
        per_axis = _per_axis_penalty(case, first)
        if per_axis:
            return per_axis
        keyed = first.startswith("TypeError") and "'str'" in first
        unpacked = first.startswith("ValueError: too many values to unpack")
        if not (keyed or unpacked):
            return None
        return (
            "the code went over the dict itself (for key, value in params): a dict iterates "
            "over its keys, the strings 'W1', 'b1', ... (a two-name loop unpacks 'W1' into "
            "'W' and '1'), so the arithmetic met a str; loop over params.items() for (key, "
            "array) pairs"
        )

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def network(sizes: list[int], scale: float = 1.0) -> dict[str, np.ndarray]:
            out: dict[str, np.ndarray] = {}
            for i in range(1, len(sizes)):
                out[f"W{i}"] = gen.normal(rng, (sizes[i], sizes[i - 1]), scale)
                out[f"b{i}"] = gen.normal(rng, (sizes[i], 1), scale)
            return out

        def lam() -> float:
            return gen.log_uniform(rng, 1e-3, 10.0)

        def batch() -> int:
            # from 3: with m = 2, leaving out the 1/m is the same factor as leaving out the
            # 1/2, and the first failure named that one (the batch of one has its own case)
            return gen.size(rng, 3, 500)

        two = network([gen.size(rng, 2, 6), gen.size(rng, 3, 8), gen.size(rng, 2, 4)])
        reordered = dict(reversed(list(two.items())))
        plans: list[tuple[str, dict[str, np.ndarray], float, int]] = [
            ("two layers, also against a numerical gradient", network([4, 5, 3]), lam(), batch()),
            ("one layer", network([gen.size(rng, 2, 6), gen.size(rng, 2, 6)]), lam(), batch()),
            ("three layers, one output unit", network([5, 4, 3, 1]), lam(), batch()),
            ("lam = 0 (no regularization)", network([3, 4, 2]), 0.0, batch()),
            ("a batch of one (m = 1)", network([3, 2, 2]), lam(), 1),
            ("keys in another order", reordered, lam(), batch()),
            ("a single weight, large values", network([1, 1], 100.0), lam(), batch()),
            ("a wider network", network([64, 32, 10]), lam(), batch()),
        ]
        out = []
        for i, (what, net, lam_, m) in enumerate(plans, 1):
            shapes = ", ".join(f"{k} {v.shape}" for k, v in net.items())
            out.append(
                Case(
                    f"case {i}: {what}",
                    call_inputs("l2_penalty_and_grads", net, lam_, m),
                    f"params: {shapes}; lam={fmt(lam_)}, m={m}",
                    private={"numeric": i == 1},
                )
            )
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        net, lam, m = case.inputs["args"]
        penalty_ref, grads_ref = ref.l2_penalty_and_grads(net, lam, m)
        result = j.sequence("the result (penalty, grads)", outputs.get("out"), 2)
        per_axis = per_axis_penalty_array(net, result[0])
        if per_axis:
            j.fail(per_axis)
        penalty = j.scalar("the penalty", result[0])
        everything = float(sum(np.sum(v * v) for v in net.values()))
        j.close(
            "the penalty",
            penalty,
            penalty_ref,
            TOL,
            hints=[
                (
                    "the biases were penalized too; the L2 penalty covers the weights (W) only",
                    lam / (2 * m) * everything,
                ),
                (
                    "the biases were penalized and the 1/2 is missing",
                    lam / m * everything,
                ),
                (
                    "the penalty adds up the weight matrices' norms, not their squares: "
                    "lam/(2m) * sum of every squared weight (np.sum(W**2), or the norm squared)",
                    lam
                    / (2 * m)
                    * float(sum(np.linalg.norm(v) for k, v in net.items() if k.startswith("W"))),
                ),
                (
                    "the penalty averages each matrix's squares (np.mean(W**2)); it sums them: "
                    "lam/(2m) * np.sum(W**2), the mean over the examples is the 1/m alone",
                    lam
                    / (2 * m)
                    * float(sum(np.mean(v * v) for k, v in net.items() if k.startswith("W"))),
                ),
                (
                    "the penalty squares each matrix's sum, np.sum(W)**2, where positive and "
                    "negative weights cancel; it sums the squares, np.sum(W**2)",
                    lam
                    / (2 * m)
                    * float(sum(np.sum(v) ** 2 for k, v in net.items() if k.startswith("W"))),
                ),
                *_left_out(net, lam, m),
                *_averaged_over_layers(net, lam, m),
                (
                    "the penalty adds up every entry of W @ W.T, the Gram matrix; the sum of "
                    "the squared weights is its trace only (np.trace(W @ W.T), or np.sum(W**2))",
                    lambda: (
                        lam
                        / (2 * m)
                        * float(sum(np.sum(v @ v.T) for k, v in net.items() if k.startswith("W")))
                    ),
                ),
                *_last_term_only(net, lam, m),
                (
                    "np.linalg.norm(W, 2) of a matrix is its largest singular value (the "
                    "spectral norm), not the root of its sum of squares: use np.linalg.norm(W) "
                    "(the Frobenius norm, the default) squared, or np.sum(W**2)",
                    lam
                    / (2 * m)
                    * float(
                        sum(np.linalg.norm(v, 2) ** 2 for k, v in net.items() if k.startswith("W"))
                    ),
                ),
                (
                    "the penalty sums absolute values (that is L1); L2 sums squares",
                    lam
                    / (2 * m)
                    * float(sum(np.sum(np.abs(v)) for k, v in net.items() if k.startswith("W"))),
                ),
            ],
            factors=[
                (
                    2.0,
                    "the penalty is lam/(2m) * sum W**2; the 1/2 makes its gradient lam/m * W",
                ),
                (float(m), f"divide by m = {m}, the number of examples, as the data loss does"),
                (
                    0.5,
                    "the penalty is half of lam/(2m) * sum W**2, as if the 1/2 were taken "
                    "twice (lam/(4m)); keep one 1/2: lam / (2 * m) * sum of np.sum(W**2)",
                ),
                (
                    float(m) ** 2,
                    "lam / 2 * m multiplies by m (Python reads it as (lam / 2) * m); write "
                    "lam / (2 * m)",
                ),
                (
                    2.0 * m,
                    f"the penalty is lam * sum W**2, a Keras-style l2(lam) regularizer: this "
                    f"drill's is lam/(2m) * sum W**2, so divide by 2m = {2 * m}",
                ),
            ],
        )
        grads = result[1]
        if isinstance(grads, dict):
            renamed = [
                k for k in grads if isinstance(k, str) and k.startswith("d") and k[1:] in net
            ]
            if renamed and not set(net) <= set(grads):
                j.fail(
                    f"grads uses the keys {sorted(renamed)}; this drill wants the same keys as "
                    f"params ({', '.join(net)}), so the gradient of W1 is grads['W1']"
                )
            extra = sorted(str(k) for k in grads if k not in net)
            if extra:
                j.fail(f"grads has keys that params does not have: {', '.join(extra)}")
        left_out = [k for k in net if k not in grads] if isinstance(grads, dict) else []
        if left_out and all(str(k).startswith("b") for k in left_out):
            j.fail(
                f"grads is missing the bias key{'s' if len(left_out) > 1 else ''} "
                f"{', '.join(map(repr, left_out))}: grads has every key of params, with zeros "
                "of the bias's shape for each bias (the penalty does not depend on them)"
            )
        grads = j.mapping("grads", grads, list(net))
        for key, value in net.items():
            got = j.array(f"grads[{key!r}]", grads[key], value.shape)
            if key.startswith("W"):
                j.close(
                    f"grads[{key!r}]",
                    got,
                    grads_ref[key],
                    TOL,
                    hints=[
                        (
                            "this is the weight-decay update's factor, (1 - lam/m) * W; the "
                            "gradient is lam/m * W (the update W -= lr * grad then shrinks W "
                            "by 1 - lr*lam/m)",
                            (1.0 - lam / m) * value,
                        )
                    ],
                    factors=[
                        (
                            -1.0,
                            "the gradient has the wrong sign: the penalty grows with |W|, so "
                            "its gradient is +lam/m * W (the update W -= lr * grad shrinks W)",
                        ),
                        (0.5, "the gradient of lam/(2m) * W**2 is lam/m * W (the 2 cancels)"),
                        (
                            2.0,
                            "the gradient of lam/(2m) * W**2 is lam/m * W, not 2 lam/m * W",
                        ),
                        (float(m), f"divide by m = {m}"),
                        (
                            2.0 * m,
                            "the gradient is 2 lam * W, a Keras-style l2(lam) regularizer's; "
                            f"the gradient of lam/(2m) * W**2 is lam/m * W, so divide by 2m = "
                            f"{2 * m}",
                        ),
                    ],
                )
            else:
                j.close(
                    f"grads[{key!r}]",
                    got,
                    grads_ref[key],
                    TOL,
                    hints=[
                        (
                            "the biases are not regularized: their gradient from the penalty "
                            "is zeros of the bias's shape",
                            (lam / m) * value,
                        )
                    ],
                )
        if case.private.get("numeric"):
            for key, value in net.items():

                def f(x: np.ndarray, key: str = key) -> float:
                    return ref.l2_penalty_and_grads({**net, key: x}, lam, m)[0]

                numeric = numerical_gradient(f, value.copy())
                j.close(f"grads[{key!r}] vs numerical gradient", grads[key], numeric, NUMERIC_TOL)


l2_penalty_and_grads = L2PenaltyChecker


_ONE_D_SHAPES = re.compile(
    r"^ValueError: operands could not be broadcast together with shapes \((\d+),\) \((\d+),\)"
)


def _per_axis_penalty(case: Case, first: str) -> str:
    """numpy's broadcast error between two 1-D arrays whose sizes are two weight matrices'
    sizes along one axis: each layer's squares summed over one axis only, added up (empty
    when the error is another)."""
    match = _ONE_D_SHAPES.match(first)
    params = case.inputs["args"][0] if case.inputs.get("args") else None
    if match is None or not isinstance(params, Mapping):
        return ""
    sizes = {int(match.group(1)), int(match.group(2))}
    weights = [v for k, v in params.items() if k.startswith("W") and isinstance(v, np.ndarray)]
    fitting = [axis for axis in (0, 1) if sizes <= {w.shape[1 - axis] for w in weights}]
    if len(fitting) == 2:  # the column counts are the row counts: the sizes cannot tell
        return (
            "each layer's squares were summed over one axis only (np.sum(W**2, axis=0) gives "
            "one number per column, axis=1 one per row; this case's layers have the sizes "
            f"{' and '.join(str(n) for n in sorted(sizes))} both ways, so which one cannot be "
            "told), and layers of different sizes cannot be added; the penalty is one "
            "number, the sum over every entry, np.sum(W**2)"
        )
    if fitting:
        axis, kept = fitting[0], _KEPT[fitting[0]]
        return (
            f"each layer's squares were summed over axis {axis} only, np.sum(W**2, "
            f"axis={axis}): one number per {kept}, and two layers with different numbers "
            f"of {kept}s ({' and '.join(str(n) for n in sorted(sizes))}) cannot be added; "
            "the penalty is one number, the sum over every entry, np.sum(W**2)"
        )
    return ""


_KEPT = {0: "column", 1: "row"}


def per_axis_penalty_array(net: Mapping[str, Any], penalty: Any) -> str:
    """A penalty returned as a 1-D array that is (a multiple of) the layers' squares summed
    over one axis: where every layer has as many columns (or rows) the arrays add up with no
    error, and only their values say which axis was kept. Empty when it is not that."""
    if not isinstance(penalty, np.ndarray) or penalty.ndim != 1 or penalty.size < 2:
        return ""
    if penalty.dtype.kind != "f" or not np.all(np.isfinite(penalty)):
        return ""
    weights = [v for k, v in net.items() if k.startswith("W") and isinstance(v, np.ndarray)]
    for axis in (0, 1):
        if any(w.ndim != 2 or w.shape[1 - axis] != penalty.size for w in weights):
            continue
        summed = sum(np.sum(w * w, axis=axis) for w in weights)
        scale = float(np.dot(penalty, summed) / np.dot(summed, summed))
        if scale > 0 and np.allclose(penalty, scale * summed, rtol=1e-9, atol=0.0):
            kept = _KEPT[axis]
            return (
                f"the penalty is an array of {penalty.size} numbers, one per {kept}: each "
                f"layer's squares were summed over axis {axis} only, np.sum(W**2, "
                f"axis={axis}), and as every layer here has {penalty.size} {kept}s they added "
                "up with no error; the penalty is one number, the sum over every entry, "
                "np.sum(W**2)"
            )
    return ""
