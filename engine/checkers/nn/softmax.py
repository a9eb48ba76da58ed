"""Checkers for the column-wise softmax and the mean cross-entropy loss."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checkers.wide_float import beyond_longdouble, far_values
from engine.checks import Judgement, Tolerance, float32_only
from engine.nn import softmax as ref

__all__ = ["cross_entropy", "softmax"]

SOFTMAX_TOL = Tolerance(rtol=1e-9, atol=1e-14)
LOSS_TOL = Tolerance(rtol=1e-6)
ZERO_LOSS_TOL = Tolerance(rtol=1e-6, atol=1e-12)
GUARD_EPSILONS = (1e-7, 1e-8, 1e-9, 1e-10, 1e-12, 1e-15, 1e-6, 1e-5, 1e-4, 1e-3)
"""Additive guards seen in the wild, as in log(y_hat + 1e-7); each shifts the loss."""


def _additive_guard_hints(y_hat: np.ndarray, y: np.ndarray) -> list[tuple[str, Any]]:
    """The loss that log(y_hat + eps) gives, for each common eps, named."""
    m = y.shape[1]
    hints: list[tuple[str, Any]] = []
    for eps in GUARD_EPSILONS:
        shown = f"{eps:.0e}".replace("e-0", "e-")  # 1e-7, as people write it
        with np.errstate(all="ignore"):
            loss = float(-np.sum(y * np.log(y_hat + eps)) / m)
        hints.append(
            (
                f"this matches log(y_hat + {shown}): an additive epsilon shifts every log by "
                f"about {shown} / y_hat, more than the relative tolerance of 1e-6 allows; take "
                f"the log only where y is 1, or clip (np.clip(y_hat, {shown}, 1.0)), which "
                f"changes nothing above the clip",
                loss,
            )
        )
    return hints


def _two_sided_clip_hints(y_hat: np.ndarray, y: np.ndarray) -> list[tuple[str, Any]]:
    """The loss that np.clip(y_hat, eps, 1 - eps) gives (Keras clips so), each eps named."""
    m = y.shape[1]
    hints: list[tuple[str, Any]] = []
    for eps in GUARD_EPSILONS:
        shown = f"{eps:.0e}".replace("e-0", "e-")
        hints.append(
            (
                f"this matches np.clip(y_hat, {shown}, 1 - {shown}): the upper bound moves a "
                f"confident right prediction off 1, and log(1 - {shown}) is not 0; clip from "
                f"below only, np.clip(y_hat, {shown}, 1.0), or take the log only where y is 1",
                lambda eps=eps: float(-np.sum(y * np.log(np.clip(y_hat, eps, 1.0 - eps))) / m),
            )
        )
    return hints


class SoftmaxChecker(NNChecker):
    """softmax(z) over each column, with no overflow for logits up to +-1e300."""

    name = "nn.softmax.softmax"
    entries = ("softmax",)
    fp_strict = True
    fp_hint = "subtract each column's max before exp, so the largest exponent is exactly 0"

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"softmax": ref.softmax}

    def fp_cause(self, case: Case, outputs: Any, events: Sequence[str] = ()) -> str | None:
        """A division by the sum of the shifted logits is 0/0 or x/0 where that sum is 0:
        the stability message would tell a learner who did shift to shift."""
        got = outputs.get("out") if isinstance(outputs, Mapping) else None
        z = case.inputs["args"][0]
        if not isinstance(got, np.ndarray) or got.shape != z.shape:
            return None
        if np.allclose(got, _over_logit_sum(z), rtol=1e-9, atol=0.0, equal_nan=True):
            return _LOGIT_SUM
        return None

    def fp_note(self, case: Case) -> str | None:
        """The logits past long double's range: a naive form computed wider fails only there."""
        return beyond_longdouble(case.inputs["args"][0], normalized=True)

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        c, m = gen.size(rng, 3, 6), gen.size(rng, 7, 12)  # c != m, so a wrong axis shows
        offsets = rng.choice([-1e3, 1e3], size=(1, m)) * rng.uniform(0.5, 1.0, size=(1, m))
        offsets[0, :2] = [1e3, -1e3]  # both signs, so one global shift cannot fit every column
        # each column holds one logit near +1e3 and one near -1e3, in random rows: shifting by
        # the column's min instead of its max then asks for exp(2e3), which overflows
        wide = gen.normal(rng, (c, m), 3.0)
        for col in range(m):
            top, bottom = rng.choice(c, size=2, replace=False)
            wide[top, col] += 1e3
            wide[bottom, col] -= 1e3
        items = [
            ("one logit, one example", gen.normal(rng, (1, 1))),
            ("one example", gen.normal(rng, (c, 1), 2.0)),
            ("one class", gen.normal(rng, (1, m))),
            ("moderate logits", gen.normal(rng, (c, m), 2.0)),
            (
                "ties and zeros",
                gen.with_ties(rng, gen.with_zeros(rng, gen.normal(rng, (c, m)), 0.3), 0.5),
            ),
            ("logits near +-1e3", gen.normal(rng, (c, m), 5.0) + 1e3 * rng.choice([-1.0, 1.0])),
            ("columns far apart (+-1e3)", gen.normal(rng, (c, m), 3.0) + offsets),
            ("logits from -1e3 to +1e3 within each column", wide),
            (
                "columns of very different scales",
                gen.column_scales(rng, gen.normal(rng, (c, m)), 1e-3, 3e2),
            ),
            ("a larger batch", gen.normal(rng, (10, 128), 4.0)),
        ]
        # past np.longdouble's exp (about 11356), where a naive form computed wider
        # overflows (columns near +2e4) or underflows to 0/0 (columns near -2e4) as well
        signs = rng.choice([-1.0, 1.0], size=(1, m))
        signs[0, :2] = [1.0, -1.0]
        items.append(("logits near +-2e4", gen.normal(rng, (c, m), 3.0) + 2e4 * signs))
        items.append(("logits from 2e4 to 1e300 in size", far_values(rng, c * m).reshape(c, m)))
        return [
            Case(f"case {i}: {what}", call_inputs("softmax", z), gen.describe(z=z))
            for i, (what, z) in enumerate(items, 1)
        ]

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        z = case.inputs["args"][0]
        expected = ref.softmax(z)
        got = j.array("softmax(z)", outputs.get("out"), expected.shape)
        hints: list[tuple[str, Any]] = []
        with np.errstate(all="ignore"):
            rows = np.exp(z - z.max(axis=1, keepdims=True))
            # with one class the only row is the whole matrix: either slip gives these values
            where = (
                "over rows (axis=1)"
                if z.shape[0] > 1
                else "over the row (axis=1) or the whole matrix, the same with one class"
            )
            hints.append(
                (
                    f"normalized {where}; each column is one example, so use axis=0",
                    rows / rows.sum(axis=1, keepdims=True),
                )
            )
            hints.append(
                (
                    "each row's max was subtracted (axis=1), so the entries of one column were "
                    "shifted by different amounts; the shift leaves softmax unchanged only when "
                    "it is one number per column: z - z.max(axis=0, keepdims=True)",
                    rows / rows.sum(axis=0, keepdims=True),
                )
            )
            whole = np.exp(z - z.max())
            hints.append(
                (
                    "normalized over the whole matrix; normalize each column (axis=0)",
                    whole / whole.sum(),
                )
            )
        hints.append((_LOGIT_SUM, lambda: _over_logit_sum(z)))
        hints.append((_RESHAPED, lambda: _over_reshaped_rows(z, transpose_back=False)))
        hints.append((_RESHAPED, lambda: _over_reshaped_rows(z, transpose_back=True)))
        hints.extend(_shift_and_guard_hints(z))
        j.close("softmax(z)", got, expected, SOFTMAX_TOL, hints=hints)


_LOGIT_SUM = (
    "each column was divided by the sum of the shifted logits z - max, not by the sum of "
    "their exps: e = np.exp(z - z.max(axis=0, keepdims=True)), then e / e.sum(axis=0, "
    "keepdims=True)"
)


_RESHAPED = (
    "this is softmax over the rows of z.reshape(m, c), then turned back to (c, m): a reshape keeps the "
    "numbers in memory order and regroups them, so its rows are not z's columns; to work "
    "on rows, transpose (z.T) and transpose back, or use axis=0 directly"
)


def _over_reshaped_rows(z: np.ndarray, *, transpose_back: bool) -> np.ndarray:
    """Softmax of each row of z.reshape(m, c) (meant as z.T), reshaped or transposed back."""
    rows = z.reshape(z.shape[1], z.shape[0])
    with np.errstate(all="ignore"):
        e = np.exp(rows - rows.max(axis=1, keepdims=True))
        out = e / e.sum(axis=1, keepdims=True)
    return np.asarray(out.T if transpose_back else out.reshape(z.shape))


def _over_logit_sum(z: np.ndarray) -> np.ndarray:
    """exp(z - max) divided by the column sum of z - max, the exps left out of the sum."""
    shifted = z - z.max(axis=0, keepdims=True)
    with np.errstate(all="ignore"):
        return np.asarray(np.exp(shifted) / shifted.sum(axis=0, keepdims=True))


def _lse_without_max(z: np.ndarray) -> np.ndarray:
    """exp(z - log(sum(exp(z - max)))): a logsumexp whose subtracted max was not added back."""
    top = z.max(axis=0, keepdims=True)
    with np.errstate(all="ignore"):
        return np.asarray(np.exp(z - np.log(np.exp(z - top).sum(axis=0, keepdims=True))))


def _shift_and_guard_hints(z: np.ndarray) -> list[tuple[str, Any]]:
    """Softmax slips around the max shift: a shift in the numerator only, log-probabilities
    returned, and an additive guard in the denominator (each common eps, named)."""
    shifted = z - z.max(axis=0, keepdims=True)
    e = np.exp(shifted)
    total = e.sum(axis=0, keepdims=True)
    hints: list[tuple[str, Any]] = [
        (
            "the max was subtracted in the numerator only: exp(z - max) / sum(exp(z)) is "
            "softmax times exp(-max), and exp(z) still overflows for large logits; subtract "
            "it in both, where it cancels",
            lambda: e / np.exp(z).sum(axis=0, keepdims=True),
        ),
        (
            "these are the log-probabilities, z - logsumexp(z) (log-softmax); softmax is their exp",
            lambda: shifted - np.log(total),
        ),
        (
            "this is exp(z - log(sum(exp(z - max)))): the logsumexp lost the max it subtracted, "
            "so every entry is softmax times exp(max) (and overflows for large logits); the "
            "logsumexp is max + log(sum(exp(z - max))), or exponentiate z - max - log(sum(...))",
            lambda: _lse_without_max(z),
        ),
    ]
    for eps in GUARD_EPSILONS:
        shown = f"{eps:.0e}".replace("e-0", "e-")
        hints.append(
            (
                f"this matches e / (e.sum(axis=0) + {shown}): once each column's max is "
                "subtracted, its largest exponent is exp(0) = 1, so the sum is at least 1 and "
                f"needs no guard, and the guard makes every column sum to less than 1",
                lambda eps=eps: e / (total + eps),
            )
        )
    return hints


def _every_class_logged(y_hat: np.ndarray, m: int) -> float:
    """The loss with log(y_hat) summed over every class, the true class's mask left out (-inf
    where some y_hat is 0, as that code gives)."""
    with np.errstate(divide="ignore"):
        return float(-np.sum(np.log(y_hat)) / m)


class CrossEntropyChecker(NNChecker):
    """cross_entropy(y_hat, y): the mean over m of -sum y log y_hat, with no warnings."""

    name = "nn.softmax.cross_entropy"
    entries = ("cross_entropy",)
    fp_strict = True
    fp_hint = "log(0) is -inf and 0 * -inf is nan; take the log only where y is 1 (or clip y_hat)"

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"cross_entropy": ref.cross_entropy}

    def fp_cause(self, case: Case, outputs: Any, events: Sequence[str] = ()) -> str | None:
        """The true-class probabilities summed over the examples (axis=1) give log(0) for a
        class no example has: the stability hint (take the log only where y is 1) misled."""
        got = outputs.get("out") if isinstance(outputs, Mapping) else None
        if not isinstance(got, (float, int, np.floating, np.ndarray)) or np.size(got) != 1:
            return None
        y_hat, y = case.inputs["args"]
        value = _summed_over_examples(y_hat, y)
        if math.isinf(value) and float(np.asarray(got).reshape(-1)[0]) == value:
            return SUMMED_OVER_EXAMPLES
        return None

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def probs(c: int, m: int, scale: float = 2.0) -> np.ndarray:
            return ref.softmax(gen.normal(rng, (c, m), scale))

        def zero_wrong(y_hat: np.ndarray, y: np.ndarray) -> np.ndarray:
            """Exact zeros in some wrong-class entries (renormalized columns)."""
            out = y_hat.copy()
            drop = (y == 0) & (rng.random(y.shape) < 0.5)
            out[drop] = 0.0
            return np.asarray(out / out.sum(axis=0, keepdims=True))

        def tiny_right(y_hat: np.ndarray, y: np.ndarray) -> np.ndarray:
            """Confidently wrong: the right class gets probability about 1e-6."""
            out = y_hat.copy()
            out[y == 1] = 1e-6
            return np.asarray(out / out.sum(axis=0, keepdims=True))

        def near_one(y: np.ndarray) -> np.ndarray:
            """The true class gets 1 - u (u from 1e-6 to 1e-5), the rest u spread over the
            wrong classes: the loss is about u, and float32's rounding of a probability near
            1 (up to 3e-8) is then a relative error near 1e-2, far past the card's 1e-6."""
            u = np.exp(rng.uniform(np.log(1e-6), np.log(1e-5), size=y.shape[1]))
            share = rng.random(y.shape) * (1.0 - y)
            share /= share.sum(axis=0, keepdims=True)
            return np.asarray(y * (1.0 - u) + share * u)

        c, m = gen.size(rng, 3, 6), gen.size(rng, 7, 12)
        plans: list[tuple[str, np.ndarray, np.ndarray]] = []
        y = gen.one_hot(rng, 2, 1)
        plans.append(("one example, two classes", probs(2, 1), y))
        y = gen.one_hot(rng, c, m)
        plans.append(("moderate probabilities", probs(c, m), y))
        y = gen.one_hot(rng, c, m)
        plans.append(("exact zeros for wrong classes", zero_wrong(probs(c, m), y), y))
        y = gen.one_hot(rng, c, m)
        plans.append(("confident mistakes (p = 1e-6)", tiny_right(probs(c, m), y), y))
        y = gen.one_hot(rng, c, m)
        perfect = y.copy()
        plans.append(("perfect predictions (loss 0)", perfect, y))
        y = gen.one_hot(rng, 1, m)
        plans.append(("a single class", np.ones((1, m)), y))
        y = gen.one_hot(rng, 10, 200)
        plans.append(("a larger batch", probs(10, 200, 3.0), y))
        y = gen.one_hot(rng, c, m)
        plans.append(
            ("confident right predictions (p = 1 - u, u from 1e-6 to 1e-5)", near_one(y), y)
        )
        return [
            Case(
                f"case {i}: {what}",
                call_inputs("cross_entropy", y_hat, y),
                gen.describe(y_hat=y_hat, y=f"one-hot {y.shape}"),
            )
            for i, (what, y_hat, y) in enumerate(plans, 1)
        ]

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        y_hat, y = case.inputs["args"]
        c, m = y.shape
        expected = ref.cross_entropy(y_hat, y)
        returned = outputs.get("out")
        if isinstance(returned, np.ndarray) and m > 1 and returned.shape in ((m,), (1, m)):
            j.fail(
                f"the loss should be a single number, got an array of shape {returned.shape}: "
                f"one loss per example; average them over the m = {m} examples (np.mean, or "
                "the sum divided by m)"
            )
        got = j.scalar("the loss", returned)
        if float32_only(np.asarray(got), np.asarray(expected)):
            # within the card's 1e-6 of the loss, so the tolerance alone let a float32 log pass
            j.fail(
                "the loss is a float32 number turned into a float: some step (the log, or the "
                "probabilities picked for it) ran in float32, which keeps about 7 digits; "
                "compute in float64 throughout, since float() or .astype(np.float64) at the "
                f"end cannot bring the lost digits back (expected {expected!r}, got {got!r})"
            )
        factors = [
            (float(m), f"divide the summed loss by m = {m} (the number of columns)"),
            (
                1.0 / c,
                f"np.mean over all c*m entries divides by c = {c} too (as len(y) would: it "
                "counts the c rows); divide by m only",
            ),
            (-1.0, "the loss must be positive: the minus sign is missing"),
            *_log_base_factors(),
        ]
        hints = [
            *_additive_guard_hints(y_hat, y),
            *_two_sided_clip_hints(y_hat, y),
            (
                "the probabilities went through float32 (y_hat.astype(np.float32), or a log "
                "taken in float32): float32 keeps about 7 digits, so a probability near 1 "
                "moves by up to 3e-8, and a confident prediction's loss, -log(1 - u) = u, is "
                "then off by far more than the relative 1e-6; compute in float64 throughout",
                lambda: _float32_probabilities(y_hat, y),
            ),
            (
                "the loss takes the largest predicted probability of each column, not the "
                "probability of the true class: pick it with the one-hot y",
                lambda: float(-np.mean(np.log(np.max(y_hat, axis=0)))),
            ),
            (
                "the loss sums log(y_hat) over every class; only the true class's term counts, "
                "so multiply by the one-hot y first: -sum(y * log(y_hat)) / m",
                lambda: _every_class_logged(y_hat, y.shape[1]),
            ),
            (SUMMED_OVER_EXAMPLES, lambda: _summed_over_examples(y_hat, y)),
            (
                "y_hat went through a softmax again: it already holds probabilities (the "
                "softmax's output), so the loss takes their log directly, -sum y * log(y_hat) / m",
                lambda: _softmax_again(y_hat, y),
            ),
            (
                "the (1 - y) * log(1 - y_hat) terms belong to binary cross-entropy (one "
                "sigmoid output); with a softmax over c classes the loss is -sum y * log(y_hat) "
                "only",
                lambda: _binary_form(y_hat, y),
            ),
        ]
        if m > 1:
            hints.append(
                (
                    f"the sum was divided by len(y) = {c}, the number of classes (len counts "
                    f"a (c, m) array's rows); divide by m = y.shape[1] = {m}",
                    expected * m / c,
                )
            )
        if expected == 0.0:
            j.close("the loss", got, expected, ZERO_LOSS_TOL, hints=hints)
        else:
            j.close("the loss", got, expected, LOSS_TOL, hints=hints, factors=factors)


SUMMED_OVER_EXAMPLES = (
    "the true class's probabilities were summed over the examples (axis=1), one sum per "
    "class, so a class that no example has gives log(0) and the others mix examples; pick "
    "each example's probability of its true class, np.sum(y_hat * y, axis=0) (one per "
    "column), then average -log of those over the m columns"
)


def _summed_over_examples(y_hat: np.ndarray, y: np.ndarray) -> float:
    """The loss with y_hat * y summed over axis 1 (the examples) before the log: inf where
    some class has no example, as that code gives."""
    with np.errstate(divide="ignore"):
        return float(-np.sum(np.log(np.sum(y_hat * y, axis=1))) / y.shape[1])


def _log_base_factors() -> list[tuple[float, str]]:
    """A loss taken with np.log2 or np.log10 is the natural-log loss divided by ln 2 or ln 10."""
    return [
        (
            1.0 / math.log(base),
            f"np.{name} gives the loss in {unit}; cross-entropy uses the natural log, np.log",
        )
        for base, name, unit in ((2.0, "log2", "bits"), (10.0, "log10", "decimal digits"))
    ]


def _float32_probabilities(y_hat: np.ndarray, y: np.ndarray) -> float:
    """The loss with the true-class probabilities rounded to float32 before a float64 log."""
    p = y_hat[y == 1].astype(np.float32).astype(np.float64)
    return float(-np.sum(np.log(p)) / y.shape[1])


def _softmax_again(y_hat: np.ndarray, y: np.ndarray) -> float:
    """The loss when the probabilities are taken for logits and put through a softmax again."""
    shifted = y_hat - y_hat.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    return float(-np.sum(y * log_p) / y.shape[1])


def _binary_form(y_hat: np.ndarray, y: np.ndarray) -> float:
    """Binary cross-entropy summed over the classes, averaged over m (logs clipped at 1e-300)."""
    with np.errstate(all="ignore"):
        p = np.clip(y_hat, 1e-300, 1.0)
        q = np.clip(1.0 - y_hat, 1e-300, 1.0)
        return float(-np.sum(y * np.log(p) + (1 - y) * np.log(q)) / y.shape[1])


softmax = SoftmaxChecker
cross_entropy = CrossEntropyChecker
