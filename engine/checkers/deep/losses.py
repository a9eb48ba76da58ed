"""Checkers for losses computed from logits: sigmoid + BCE, and softmax CE with label smoothing."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checkers.nn.softmax import GUARD_EPSILONS
from engine.checkers.wide_float import beyond_longdouble, far_values
from engine.checks import FLOAT32_STEPS, Judgement, Tolerance
from engine.deep import losses as ref
from engine.nn.gradcheck import numerical_gradient

__all__ = ["bce_with_logits", "smoothed_cross_entropy"]

LOSS_TOL = Tolerance(rtol=1e-9, atol=1e-13)
"""log1p(exp(-|z|)) and log(1 + exp(-|z|)) differ by < 1e-16 per entry where either is used."""
NUMERIC_TOL = Tolerance(rtol=1e-5, atol=1e-9)
"""Central differences (eps = 1e-5) on moderate logits: errors ~1e-10, far below this."""


CLIP_BOUNDS = (10.0, 20.0, 30.0, 50.0, 88.0, 100.0, 500.0, 700.0)
"""Bounds seen in np.clip(z, -c, c) before a loss: round numbers, and exp's float32 limit 88."""


SIGMOID_CLIPS = (1e-7, 1e-12)
"""Bounds a sigmoid is clipped to before a log (Keras's epsilon, and a smaller one)."""


def _grad_tol(size: int) -> Tolerance:
    """sigmoid(z) - y cancels for confident right answers: allow 1e-14 absolute per 1/size."""
    return Tolerance(rtol=1e-8, atol=1e-14 / size)


NEAR_MISS = (
    "the loss agrees with the expected value to about 7 digits only: a step computed in "
    "float32 (an .astype(np.float32), a float32 array) or an additive epsilon inside the log "
    "(log(p + 1e-9)) leaves that; compute it in float64, {fix}"
)
"""What a loss off by no more than float32 rounding is told: a float32 step and a tiny guard
inside a log both leave such a miss, and one number cannot tell them apart."""


BCE_FIX = "from the logits: max(z, 0) - z*y + log1p(exp(-|z|)), which needs no guard"
LOG_SOFTMAX_FIX = "with the log-softmax (z - max) - log(sum(exp(z - max))), which needs no guard"


def _guard_hints(
    loss_with: Callable[[float], float], loss_ref: float, fix: str
) -> list[tuple[str, Any]]:
    """The loss that an additive guard inside the log gives (log(p + 1e-7)), for each common
    eps whose loss is farther from the right one than float32 rounding can move it (twice
    FLOAT32_STEPS), so a float32 loss never matches it: a nearer one is left to NEAR_MISS,
    which names both."""
    hints: list[tuple[str, Any]] = []
    for eps in GUARD_EPSILONS:
        with np.errstate(all="ignore"):
            guarded = loss_with(eps)
        if not abs(guarded - loss_ref) > 2 * FLOAT32_STEPS * abs(loss_ref):
            continue
        shown = f"{eps:.0e}".replace("e-0", "e-")  # 1e-7, as people write it
        hints.append(
            (
                f"this matches log(p + {shown}): an additive epsilon inside the log shifts "
                f"every term by about {shown} / p, more than the tolerance allows; {fix}",
                guarded,
            )
        )
    return hints


def _unpack(j: Judgement, outputs: dict[str, Any], shape: tuple[int, ...], name: str) -> Any:
    result = j.sequence(f"the result (loss, {name})", outputs.get("out"), 2)
    loss = j.scalar("the loss", result[0])
    grad = j.array(name, result[1], shape)
    return loss, grad


class BceWithLogitsChecker(NNChecker):
    """bce_with_logits(z, y) -> (loss, dz): mean BCE from logits, stable for every finite z."""

    name = "deep.losses.bce_with_logits"
    entries = ("bce_with_logits",)
    fp_strict = True
    fp_hint = (
        "log(1 + exp(-z)) overflows for z = -1e4 and log(sigmoid(z)) hits log(0); use "
        "max(z, 0) - z*y + log1p(exp(-abs(z))), whose exponent is never positive"
    )

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"bce_with_logits": ref.bce_with_logits}

    def fp_cause(self, case: Case, outputs: Any, events: Sequence[str] = ()) -> str | None:
        """A warning from an answer whose loss and dz are right: the exponential overflowed on
        the way (a naive sigmoid, or a np.where whose discarded branch still computed it), not
        in a loss written as log(1 + exp(-z)), which the generic message names."""
        z, y = case.inputs["args"]
        result = outputs.get("out") if isinstance(outputs, Mapping) else None
        if not isinstance(result, list | tuple) or len(result) != 2:
            return None
        loss_ref, dz_ref = ref.bce_with_logits(z, y)
        try:
            loss = np.asarray(result[0], dtype=np.float64)
            dz = np.asarray(result[1], dtype=np.float64)
        except (TypeError, ValueError):
            return None
        if loss.size != 1 or dz.shape != dz_ref.shape:
            return None
        with np.errstate(all="ignore"):
            right = bool(
                np.all(LOSS_TOL.violation(loss.reshape(()), np.asarray(loss_ref)) <= 1.0)
                and np.all(_grad_tol(z.size).violation(dz, dz_ref) <= 1.0)
            )
        if not right:
            return None
        if "overflow" not in events:  # log(0) of a probability rounded to 0 or 1, no exp
            return (
                "the loss and dz are right, but a log of 0 was taken on the way to them: a "
                "confident logit rounds sigmoid(z) to exactly 0 or 1, so log(p) or log(1 - p) "
                "is -inf even where y then zeroes its term or a clamp (PyTorch's BCELoss "
                "clamps the log at -100) keeps the loss finite; numpy warns, and under "
                f"autodiff the -inf turns the gradient into nan: work from the logits, {BCE_FIX}"
            )
        return (
            "the loss and dz are right, but an exponential overflowed on the way to them: "
            "exp(-z) for z below about -709 (or exp(z) above 709), as in a sigmoid written "
            "1 / (1 + exp(-z)), or in a branch of np.where, which is computed for every entry "
            "before the other branch's values are picked; numpy warns on every such batch and "
            "under autodiff the discarded inf turns the gradient into nan: compute the sigmoid "
            "from e = exp(-|z|), np.where(z >= 0, 1 / (1 + e), e / (1 + e))"
        )

    def fp_note(self, case: Case) -> str | None:
        """The logits past long double's range: a naive form computed wider fails only there."""
        return beyond_longdouble(case.inputs["args"][0])

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def labels(shape: tuple[int, ...]) -> np.ndarray:
            return rng.integers(0, 2, size=shape).astype(np.float64)

        m = gen.size(rng, 5, 12)
        plans: list[tuple[str, np.ndarray, np.ndarray, bool]] = []
        shape: tuple[int, ...] = (m,)
        plans.append(
            ("a vector of moderate logits", gen.normal(rng, shape, 2.0), labels(shape), True)
        )
        plans.append(("one logit", gen.normal(rng, (1,), 2.0), labels((1,)), False))
        shape = (1, m)
        plans.append(
            ("a (1, m) row", gen.with_zeros(rng, gen.normal(rng, shape, 3.0)), labels(shape), False)
        )
        shape = (gen.size(rng, 2, 5), m)
        plans.append(
            (
                "several outputs per example (multi-label)",
                gen.normal(rng, shape, 2.0),
                labels(shape),
                False,
            )
        )
        shape = (2, 3, gen.size(rng, 2, 4))
        plans.append(("a 3-D batch", gen.normal(rng, shape, 2.0), labels(shape), False))
        shape = (3, m)
        y = labels(shape)
        z = np.where(y == 1, 1.0, -1.0) * rng.uniform(30.0, 1e4, size=shape)
        plans.append(("confident and right, |z| from 30 to 1e4", z, y, False))
        y = labels(shape)
        z = np.where(y == 1, -1.0, 1.0) * rng.uniform(30.0, 1e4, size=shape)
        plans.append(("confident and wrong, |z| from 30 to 1e4", z, y, False))
        z = rng.choice([-1e4, 1e4], size=(m,)) * rng.uniform(0.5, 1.0, size=(m,))
        plans.append(("extreme logits of both signs", z, labels((m,)), False))
        shape = (4, 3)
        plans.append(
            ("against a numerical gradient", gen.normal(rng, shape, 2.0), labels(shape), True)
        )
        # past np.longdouble's exp (about 11356): a naive form computed wider passed 1e4
        plans.append(
            ("|z| from 2e4 to 1e300", far_values(rng, 12).reshape(3, 4), labels((3, 4)), False)
        )
        return [
            Case(
                f"case {i}: {what}",
                call_inputs("bce_with_logits", z, y),
                gen.describe(z=z, y=f"{int(y.sum())} ones of {y.size}"),
                private={"numeric": numeric},
            )
            for i, (what, z, y, numeric) in enumerate(plans, 1)
        ]

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        z, y = case.inputs["args"]
        n = z.size
        loss_ref, dz_ref = ref.bce_with_logits(z, y)

        def clipped(eps: float) -> Callable[[], float]:
            """The plain BCE of sigmoid(z) clipped to [eps, 1 - eps], as the log(0) fix does."""

            def loss() -> float:
                with np.errstate(all="ignore"):
                    p = np.clip(1.0 / (1.0 + np.exp(-z)), eps, 1.0 - eps)
                    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

            return loss

        def logits_as_probabilities(eps: float) -> Callable[[], float]:
            """The BCE of probabilities given the logits themselves, clipped to [eps, 1 - eps]."""

            def loss() -> float:
                with np.errstate(all="ignore"):
                    p = np.clip(z, eps, 1.0 - eps)
                    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

            return loss

        loss, dz = _unpack(j, outputs, z.shape, "dz")
        e = np.exp(-np.abs(z))
        sig = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

        def guarded_bce(eps: float) -> float:
            """The BCE of the stable sigmoid with eps added inside both logs."""
            with np.errstate(all="ignore"):
                return float(-np.mean(y * np.log(sig + eps) + (1 - y) * np.log(1 - sig + eps)))

        with np.errstate(all="ignore"):
            softplus_tail = np.log1p(np.exp(-np.abs(z)))
            flipped = float(np.mean(np.maximum(z, 0) - z * (1 - y) + softplus_tail))
            no_max = float(np.mean(-z * y + softplus_tail))
            plus_zy = float(np.mean(np.maximum(z, 0) + z * y + softplus_tail))
            signed_tail = float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-z))))
            per_entry = np.maximum(z, 0) - z * y + softplus_tail
            # z as an (N, 1) column against y flattened to (N,): z * y is (N, N), each
            # logit times every label, and its mean is mean(z) * mean(y)
            every_pair = float(np.mean(np.maximum(z, 0) + softplus_tail) - np.mean(z) * np.mean(y))
        positive, negative = y == 1, y == 0
        balanced = (
            [
                (
                    "the loss averages the positives' mean and the negatives' mean (a "
                    "class-balanced BCE); it is the plain mean over all z.size entries, "
                    "whatever the share of each label",
                    float((per_entry[positive].mean() + per_entry[negative].mean()) / 2),
                )
            ]
            if positive.any() and negative.any()
            else [
                (
                    "the loss averages the positives' mean and the negatives' mean (a "
                    "class-balanced BCE) and counts the absent label's mean as 0: every label "
                    f"here is {int(y.reshape(-1)[0])}, so the loss came out halved; it is the "
                    "plain mean over all z.size entries, whatever the share of each label",
                    float(per_entry.mean() / 2),
                )
            ]
            if y.size and (positive.all() or negative.all())
            else []
        )
        j.close(
            "the loss",
            loss,
            loss_ref,
            LOSS_TOL,
            near_miss=NEAR_MISS.format(fix=BCE_FIX),
            hints=[
                ("the labels are swapped: the term is -z*y (y = 1 rewards a large z)", flipped),
                *balanced,
                (
                    "the z*y term has the wrong sign: the loss is max(z, 0) - z*y + "
                    "log1p(exp(-|z|)) (a label y = 1 lowers the loss of a large z)",
                    plus_zy,
                ),
                *(
                    (
                        f"the logits were clipped to [-{bound:g}, {bound:g}]: a confident wrong "
                        f"answer then costs at most about {bound:g}, where its loss grows like "
                        "|z| (1e4 for z = -1e4 and y = 1); the stable form needs no clip: "
                        "max(z, 0) - z*y + log1p(exp(-|z|))",
                        lambda bound=bound: ref.bce_with_logits(np.clip(z, -bound, bound), y)[0],
                    )
                    for bound in CLIP_BOUNDS
                    if float(np.abs(z).max()) > bound
                ),
                *(
                    [
                        (
                            "the z*y term paired every logit with every label: z reshaped to "
                            "an (N, 1) column against y flattened to (N,) (or the reverse) "
                            "broadcasts to (N, N) without an error; keep z and y the same "
                            "shape, so each logit meets its own label",
                            every_pair,
                        )
                    ]
                    if z.size > 1
                    else []
                ),
                (
                    "this is the logistic loss for labels in {-1, +1}, log(1 + exp(-y z)), fed "
                    "labels in {0, 1}: every y = 0 entry adds log 2 whatever its logit; with "
                    "{0, 1} labels the loss is max(z, 0) - z*y + log1p(exp(-|z|))",
                    lambda: float(np.mean(np.logaddexp(0.0, -y * z))),
                ),
                (
                    "the loss misses the max(z, 0) term: log(1 + e^z) = max(z, 0) + "
                    "log1p(exp(-|z|)), so the loss is max(z, 0) - z*y + log1p(exp(-|z|))",
                    no_max,
                ),
                (
                    "the log term is log1p(exp(-z)): for z < 0 that is |z| + "
                    "log1p(exp(-|z|)), so each negative logit adds |z| too much (and exp(-z) "
                    "overflows below about -709); after max(z, 0) it is log1p(exp(-|z|)) "
                    "(the same numbers come from |z| written for max(z, 0): the loss is "
                    "max(z, 0) - z*y + log1p(exp(-|z|)))",
                    signed_tail,
                ),
                *(
                    (
                        f"the probabilities were clipped to [{eps:g}, 1 - {eps:g}] before the log, "
                        "which moves the loss of a confident answer (|z| >= 30) by about "
                        f"{eps:g} an entry, and caps a wrong one's at -log({eps:g}); compute it "
                        "from the logits: max(z, 0) - z*y + log1p(exp(-|z|))",
                        clipped(eps),
                    )
                    for eps in (1e-7, 1e-8, 1e-12, 1e-15)
                ),
                *(
                    (
                        f"the logits were read as probabilities: z clipped to [{eps:g}, 1 - "
                        f"{eps:g}] and put in the log, as a loss for sigmoid outputs "
                        "(from_logits=False) does; z is a logit, any real number: the loss is "
                        "max(z, 0) - z*y + log1p(exp(-|z|))",
                        logits_as_probabilities(eps),
                    )
                    for eps in (1e-7, 1e-8, 1e-12, 1e-15)
                ),
                *_guard_hints(guarded_bce, loss_ref, BCE_FIX),
                *(
                    (
                        f"the loss is a sum divided by {length}, the length of axis "
                        f"{' or '.join(str(k) for k, d in enumerate(z.shape) if d == length)}, "
                        "so it is averaged over that axis only and summed over the others; "
                        f"take the mean over all {n} entries",
                        loss_ref * n / length,
                    )
                    for length in dict.fromkeys(z.shape)
                    if 1 < length < n
                ),
            ],
            factors=[
                (float(n), f"the loss is a mean over all {n} entries, not a sum"),
                (-1.0, "the sign is flipped"),
            ],
        )
        j.close(
            "dz",
            dz,
            dz_ref,
            _grad_tol(n),
            hints=[
                ("dz has the wrong sign: it is (sigmoid(z) - y) / z.size", -dz_ref),
                (
                    "dz was multiplied by sigmoid'(z) = p * (1 - p): written on the logits, "
                    "the loss's derivative already went through the sigmoid, and its p(1 - p) "
                    "cancels against the log's 1/p, leaving dz = (sigmoid(z) - y) / z.size",
                    lambda: sig * (1.0 - sig) * dz_ref,
                ),
                (
                    "dz uses 1 - sigmoid(z), which is sigmoid(-z), where it needs sigmoid(z): "
                    "dz = (sigmoid(z) - y) / z.size",
                    lambda: (1.0 - sig - y) / n,
                ),
                *(
                    (
                        f"the logits were clipped to [-{bound:g}, {bound:g}] before the "
                        f"sigmoid, so a confident right answer beyond {bound:g} keeps a "
                        f"gradient of about sigmoid(-{bound:g}) = {math.exp(-bound):.2g} (before "
                        "the mean) that it does not have; the stable form needs no clip: the "
                        "sigmoid from e = exp(-|z|)",
                        lambda bound=bound: ref.bce_with_logits(np.clip(z, -bound, bound), y)[1],
                    )
                    for bound in CLIP_BOUNDS
                    if float(np.abs(z).max()) > bound
                ),
                *(
                    (
                        f"sigmoid(z) was clipped to [{eps:g}, 1 - {eps:g}] in dz, so a "
                        f"confident right answer keeps a gradient of {eps:g} (before the mean) "
                        "where it has almost none; the clip guards a log, and dz = "
                        "(sigmoid(z) - y) / z.size has no log: leave the sigmoid unclipped",
                        lambda eps=eps: (np.clip(sig, eps, 1.0 - eps) - y) / n,
                    )
                    for eps in SIGMOID_CLIPS
                ),
            ],
            factors=[
                (float(n), f"divide by z.size = {n}: the loss is a mean over every entry"),
                (-1.0, "dz has the wrong sign: it is (sigmoid(z) - y) / z.size"),
                *(
                    [
                        (
                            n / z.shape[0],
                            f"dz was divided by z.shape[0] = {z.shape[0]}, the length of the "
                            f"first axis, not by z.size = {n}: the loss is a mean over every "
                            "entry",
                        )
                    ]
                    if z.ndim > 1 and z.shape[0] not in (1, n)
                    else []
                ),
            ],
        )
        if case.private.get("numeric"):

            def f(x: np.ndarray) -> float:
                return ref.bce_with_logits(x, y)[0]

            j.close("dz vs numerical gradient", dz, numerical_gradient(f, z.copy()), NUMERIC_TOL)


KL_LOSS = (
    "the loss is the KL divergence KL(q || p) = sum q * (log q - log p), as PyTorch's "
    "KLDivLoss computes it: it has the cross-entropy's gradient but is lower by the targets' "
    "entropy; the drill asks for the cross-entropy, -sum q * log_softmax(logits) / m"
)


class SmoothedCrossEntropyChecker(NNChecker):
    """smoothed_cross_entropy(logits, labels, smoothing=0.1) -> (loss, dlogits), stable to 1e300."""

    name = "deep.losses.smoothed_cross_entropy"
    entries = ("smoothed_cross_entropy",)
    fp_strict = True
    fp_hint = (
        "log(softmax(z)) is log(0) when one logit is far above the others; compute "
        "log_softmax as (z - max) - log(sum(exp(z - max))) per column"
    )

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"smoothed_cross_entropy": ref.smoothed_cross_entropy}

    def fp_cause(self, case: Case, outputs: Any, events: Sequence[str] = ()) -> str | None:
        """KL(q || p) with targets that hold zeros (smoothing 0): q * log q is 0 * -inf, a NaN
        loss beside the right gradient, which the generic stability advice would misname."""
        args = case.inputs["args"]
        got = outputs.get("out") if isinstance(outputs, Mapping) else None
        if not isinstance(got, list | tuple) or len(got) != 2:
            return None
        s = args[2] if len(args) > 2 else 0.1
        loss_ref, d_ref = ref.smoothed_cross_entropy(args[0], args[1], s)
        try:
            loss, d = float(got[0]), np.asarray(got[1], dtype=np.float64)
        except (TypeError, ValueError):
            return None
        if not np.isnan(loss) or d.shape != d_ref.shape or not np.allclose(d, d_ref, rtol=1e-8):
            return None
        if float(np.min(ref.smoothed_targets(args[1], args[0].shape[0], s))) > 0.0:
            return None
        return (
            f"{KL_LOSS}: with smoothing = {s:g} the targets hold zeros, and q * log q is 0 * "
            "-inf, so the loss is NaN"
        )

    def fp_note(self, case: Case) -> str | None:
        """The logits past long double's range: a log-softmax computed wider fails only there."""
        return beyond_longdouble(case.inputs["args"][0], "logits", normalized=True)

    def error_cause(self, case: Case, error: str) -> str | None:
        """Examples taken as rows: a one-hot np.eye(c)[labels] of shape (m, c) met the (c, m)
        logits, or an index [np.arange(m), labels] ran past the c classes on axis 0."""
        c, m = case.inputs["args"][0].shape
        layout = f"the logits are (c, m) = ({c}, {m}): classes on axis 0, one column per example"
        if f"shapes ({m},{c}) ({c},{m})" in error or f"shapes ({c},{m}) ({m},{c})" in error:
            return (
                f"a ({m}, {c}) array, one row per example (as np.eye(c)[labels] gives), met "
                f"a ({c}, {m}) one; {layout}: transpose it, np.eye(c)[labels].T"
            )
        side = max(c, m)
        if min(c, m) == 1 and error.startswith(  # q += one_hot: a row and a column broadcast
            f"ValueError: non-broadcastable output operand with shape ({c},{m}) doesn't match "
            f"the broadcast shape ({side},{side})"
        ):
            return (
                f"a ({m}, {c}) array, one row per example (as np.eye(c)[labels] or "
                f"labels[:, None] == classes gives), was added in place to a ({c}, {m}) one, "
                f"and with one {'example' if m == 1 else 'class'} the two broadcast into a "
                f"({side}, {side}) square that does not fit it; {layout}: transpose it, "
                "np.eye(c)[labels].T"
            )
        if error.startswith("IndexError:") and (
            (m > c and f"for axis 0 with size {c}" in error)
            or (c > m and f"for axis 1 with size {m}" in error)
        ):
            return (
                f"an index [np.arange(m), labels] puts the examples on axis 0; {layout}, so "
                "each example's true class is [labels, np.arange(m)]"
            )
        return None

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        c, m = gen.size(rng, 3, 6), gen.size(rng, 7, 12)  # c != m, so a wrong axis shows

        def smooth() -> float:
            return round(float(rng.uniform(0.05, 0.3)), 3)

        def ids(c: int, m: int) -> np.ndarray:
            return rng.integers(0, c, size=m).astype(np.int64)

        plans: list[tuple[str, np.ndarray, np.ndarray, float | None, bool]] = [
            ("moderate logits", gen.normal(rng, (c, m), 2.0), ids(c, m), smooth(), True),
            ("default smoothing (0.1)", gen.normal(rng, (c, m), 2.0), ids(c, m), None, False),
            ("two classes, one example", gen.normal(rng, (2, 1), 2.0), ids(2, 1), smooth(), False),
            ("no smoothing (plain cross-entropy)", gen.normal(rng, (c, m)), ids(c, m), 0.0, False),
            ("full smoothing (uniform target)", gen.normal(rng, (c, m)), ids(c, m), 1.0, False),
            (
                "ties, zeros and repeated labels",
                gen.with_ties(rng, gen.with_zeros(rng, gen.normal(rng, (c, m)), 0.3), 0.5),
                np.full(m, int(rng.integers(0, c)), dtype=np.int64),
                smooth(),
                False,
            ),
            (
                "logits up to 1e4 apart",
                rng.uniform(-1e4, 1e4, size=(c, m)),
                ids(c, m),
                smooth(),
                False,
            ),
            ("many classes", gen.normal(rng, (100, 16), 3.0), ids(100, 16), smooth(), False),
        ]
        # past np.longdouble's exp (about 11356): a log-softmax computed wider without its
        # max passed logits of 1e4
        plans.append(
            (
                "logits from 2e4 to 1e300 in size",
                far_values(rng, c * m).reshape(c, m),
                ids(c, m),
                smooth(),
                False,
            )
        )
        out = []
        for i, (what, logits, labels, s, numeric) in enumerate(plans, 1):
            args: list[Any] = [logits, labels] if s is None else [logits, labels, s]
            out.append(
                Case(
                    f"case {i}: {what}",
                    call_inputs("smoothed_cross_entropy", *args),
                    gen.describe(
                        logits=logits,
                        labels=f"int {labels.shape}",
                        smoothing=0.1 if s is None else s,
                    ),
                    private={"numeric": numeric},
                )
            )
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        args = case.inputs["args"]
        logits, labels = args[0], args[1]
        s = args[2] if len(args) > 2 else 0.1
        c, m = logits.shape
        loss_ref, d_ref = ref.smoothed_cross_entropy(logits, labels, s)
        loss, d = _unpack(j, outputs, logits.shape, "dlogits")
        logp = ref.log_softmax(logits)
        p = np.exp(logp)
        one_hot = ref.smoothed_targets(labels, c, 0.0)
        variants: dict[str, np.ndarray] = {
            "c-1": (1 - s) * one_hot + (s / (c - 1)) * (1 - one_hot),
            "c-1 all": (1 - s) * one_hot + s / (c - 1),
            "none": one_hot,
            "no/c": (1 - s) * one_hot + s,
            "assigned": np.where(one_hot == 1, 1 - s, s / c),
            "kept 1": np.where(one_hot == 1, 1.0, s / c),
            "added": one_hot + s / c,
            "rows": np.full((c, m), s / c) + (1 - s) * np.isin(np.arange(c), labels)[:, None],
            "over m": (1 - s) * one_hot + s / m,
        }
        messages = {
            "c-1": "the smoothing mass is spread over the c-1 wrong classes; here every one of "
            "the c classes, the true one included, gets smoothing/c: "
            "q = (1 - smoothing)*one_hot + smoothing/c",
            "c-1 all": "every class got smoothing/(c-1), the true one included, so q sums "
            "to 1 + smoothing/(c-1), more than 1; spread the smoothing over all c classes: "
            "q = (1 - smoothing)*one_hot + smoothing/c",
            "none": "the smoothing was ignored: this is the plain cross-entropy",
            "no/c": "each class gets smoothing/c, not smoothing: q sums to 1",
            "assigned": "the true class's target is 1 - smoothing, so q sums to less than 1 "
            "(q[label] = 1 - smoothing replaced its share smoothing/c instead of adding to it): "
            "it is 1 - smoothing + smoothing/c",
            "kept 1": "the true class's target stayed 1 while the others got smoothing/c, so q "
            "sums to more than 1; the one-hot gives up smoothing of its mass: "
            "q = (1 - smoothing)*one_hot + smoothing/c",
            "added": "smoothing/c was added to the one-hot without scaling it by "
            "(1 - smoothing), so q sums to 1 + smoothing: q = (1 - smoothing)*one_hot + "
            "smoothing/c",
            "rows": "q[labels] picks whole rows: every example's target got 1 - smoothing at "
            "each class that is some example's label, not only at its own; index one entry "
            "per example, q[labels, np.arange(m)]",
            "over m": f"the smoothing was divided by m = {m}, the number of examples; it is "
            f"spread over the c = {c} classes (c, m = logits.shape): "
            "q = (1 - smoothing)*one_hot + smoothing/c",
        }
        with np.errstate(all="ignore"):
            rows = logits - logits.max(axis=1, keepdims=True)
            row_logp = rows - np.log(np.exp(rows).sum(axis=1, keepdims=True))
        q_ref = ref.smoothed_targets(labels, c, s)
        loss_hints: list[tuple[str, Any]] = [
            (messages[k], float(-np.sum(q * logp) / m)) for k, q in variants.items()
        ]
        loss_hints.append(
            (
                "the softmax was taken over rows (axis=1); each column is one example, "
                "so normalize over axis 0",
                float(-np.sum(q_ref * row_logp) / m),
            )
        )
        loss_hints.append(
            (
                "the log-softmax lost each column's max: z - log(sum(exp(z - max))) is "
                "log_softmax(z) + max; the shift comes off in both places, (z - max) - "
                "log(sum(exp(z - max)))",
                loss_ref - float(np.mean(logits.max(axis=0))),
            )
        )
        with np.errstate(all="ignore"):
            # log-sum-exp summed over the whole matrix (np.sum without axis=0)
            top = logits.max(axis=0, keepdims=True)
            whole_logp = logits - (top + np.log(np.sum(np.exp(logits - top))))
        loss_hints.append(
            (
                "the log-softmax's normalizer summed exp over the whole (c, m) matrix, "
                "np.sum(...) without axis=0, so every example shares one log-sum-exp; each "
                "column is one example: sum over its classes, axis=0, keepdims=True",
                float(-np.sum(q_ref * whole_logp) / m),
            )
        )
        with np.errstate(all="ignore"):
            smoothed_p = np.log((1 - s) * p + s / c)
        loss_hints.append(
            (
                "the predictions were smoothed, not the targets: the loss is the cross-entropy "
                "of the smoothed targets q = (1 - smoothing)*one_hot + smoothing/c with "
                "log_softmax(logits)",
                float(-np.sum(one_hot * smoothed_p) / m),
            )
        )
        loss_hints.extend(
            _guard_hints(
                lambda eps: float(-np.sum(q_ref * np.log(p + eps)) / m), loss_ref, LOG_SOFTMAX_FIX
            )
        )
        # KL(q || p) = cross-entropy - entropy(q): the same gradient, a lower loss
        entropy = float(-np.sum(q_ref[q_ref > 0] * np.log(q_ref[q_ref > 0])) / m)
        loss_hints.append((KL_LOSS, loss_ref - entropy))
        j.close(
            "the loss",
            loss,
            loss_ref,
            LOSS_TOL,
            near_miss=NEAR_MISS.format(fix=LOG_SOFTMAX_FIX),
            hints=loss_hints,
            factors=[
                (float(m), f"divide the summed loss by m = {m}, the number of examples"),
                (1.0 / c, f"np.mean over all c*m entries divides by c = {c} too; divide by m"),
                (-1.0, "the loss must be positive: the minus sign is missing"),
            ],
        )
        scale = float(np.abs(d_ref).max()) + 1.0 / m
        j.close(
            "dlogits",
            d,
            d_ref,
            Tolerance(rtol=1e-8, atol=1e-14 * scale),
            hints=[(messages[k], (p - q) / m) for k, q in variants.items()],
            factors=[
                (float(m), f"divide by m = {m}: the loss is a mean over the examples"),
                (-1.0, "dlogits has the wrong sign: it is (softmax - q) / m"),
            ],
        )
        if case.private.get("numeric"):

            def f(x: np.ndarray) -> float:
                return ref.smoothed_cross_entropy(x, labels, s)[0]

            numeric = numerical_gradient(f, logits.copy())
            j.close("dlogits vs numerical gradient", d, numeric, NUMERIC_TOL)


bce_with_logits = BceWithLogitsChecker
smoothed_cross_entropy = SmoothedCrossEntropyChecker
