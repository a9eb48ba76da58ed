"""Checker for inverted dropout: exact scaling, a binomial test on the mask, determinism.

Statistics: the count of kept units is Binomial(n, keep_prob); exact two-sided tails
bound it. "Another seed gives another mask" is checked only where a correct answer
repeats its mask with chance <= alpha. One count cannot tell independent units from an
answer that keeps a fixed number of them (a permutation's first round(q * n)): that
takes several draws, so SPREAD_DRAWS more masks are drawn and the range (max - min) of
their counts is held to exact bounds: too narrow means a fixed count, too wide units
kept or dropped together. The FALSE_FAILURE_RATE budget (1e-6 per grading) gives
SPREAD_RATE to the range test and splits the rest evenly over the other two tests of
every case.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, stat_note
from engine.checkers.nn._global_rng import global_generators_used, global_rng_failure
from engine.checkers.returned import wrong_return
from engine.checks import (
    FALSE_FAILURE_RATE,
    Judgement,
    Tolerance,
    binomial_bounds,
    binomial_range_bounds,
)
from engine.nn import dropout as ref

__all__ = ["dropout"]

TOL = Tolerance(rtol=1e-12, atol=1e-300)
TESTS_PER_CASE = 2  # the binomial count test and "another seed gives another mask"
SPREAD_DRAWS = 12
"""Masks drawn per case for the range test. With 2 draws a fixed count of kept units is
as likely for a correct answer as 1 in 40 or so; 12 draws of a layer of 2000 units put
that below 1e-15, so a fixed count fails every grading."""
SPREAD_RATE = 1e-9
"""The part of FALSE_FAILURE_RATE the range test may use, over all cases of a grading."""
RNG_HINT = (
    "draw random numbers only from the rng argument (rng.random, rng.binomial...), "
    "not np.random.* or a new default_rng()"
)


def _rng_hint(draws: Any) -> str:
    """RNG_HINT naming the global generator the code drew from, when the harness saw one:
    an answer with Python's `random` was told only of np.random."""
    used = global_generators_used(draws)
    if not used:
        return RNG_HINT
    return (
        "draw random numbers only from the rng argument (rng.random, rng.binomial...); "
        f"this code drew from {' and '.join(used)}"
    )


def _through_mask(kept: np.ndarray, values: np.ndarray, divisor: float) -> np.ndarray:
    """values / divisor where a unit was kept, 0 where it was dropped: what inverted dropout
    gives forward (A) and backward (dout), or, with another divisor, a known mistake (all NaN,
    which nothing matches, for a divisor of 0: 1 - keep_prob when nothing is dropped)."""
    return np.where(kept, values / divisor, 0.0) if divisor else np.nan * values


def _shared_draws(mask: np.ndarray, keep_prob: float) -> str:
    """A sentence when the units of a mask were evidently kept or dropped together: all of
    them at once (0 < keep_prob < 1), or every row (or every column) of a 2-D mask that
    keeps some and drops others all kept or all dropped, as one draw per row (column)
    broadcast over the array gives; else empty. Only words a message: a case that has
    already failed."""
    kept = mask != 0
    one_each = " draw one per element, rng.random(A.shape) < keep_prob."
    if kept.all() or not kept.any():
        if mask.size < 2 or not 0 < keep_prob < 1:
            return ""
        per_line = " (or one draw per row or column, all alike)" if min(mask.shape) >= 2 else ""
        return (
            f" All {mask.size} units were {'kept' if kept.all() else 'dropped'} together, as "
            f"one draw shared by the whole array{per_line} gives:{one_each}"
        )
    if mask.ndim != 2 or min(mask.shape) < 2:
        return ""
    for axis, what in ((1, "row"), (0, "column")):
        if np.all(kept.all(axis=axis) | ~kept.any(axis=axis)):
            return (
                f" Every {what} of the mask is all kept or all dropped: one draw per {what} was "
                f"shared by its units;{one_each}"
            )
    return ""


FLIPPED = (
    " It looks like units are kept with probability 1 - keep_prob (use rng.random(shape) < "
    "keep_prob)."
)


def _shared_or_flipped(shared: str, kept: np.ndarray, keep_prob: float) -> str:
    """The reason to give when the count also fits units kept with probability 1 - keep_prob.

    A mask all kept (or all dropped) fits both that and one draw shared by the whole array;
    its chance under each, (1 - keep_prob)**n against keep_prob (keep_prob**n against
    1 - keep_prob), decides which comes first, and the other is named too unless it is
    over 100 times less likely (a small layer dropped whole at keep_prob = 0.93 is the
    flipped probability more often than a shared draw).
    """
    if not shared:
        return FLIPPED
    if not (kept.all() or not kept.any()):
        return shared
    n = kept.size
    p_flipped = (1 - keep_prob) ** n if kept.all() else keep_prob**n
    p_shared = keep_prob if kept.all() else 1 - keep_prob
    if p_flipped >= p_shared:
        return f"{FLIPPED} One draw shared by the whole array can give this too."
    if p_flipped >= p_shared / 100:
        return f"{shared} Keeping units with probability 1 - keep_prob can give this too."
    return shared


def _fraction_kept_hint(
    kept: np.ndarray, dout: np.ndarray, keep_prob: float, fraction: float
) -> list[tuple[str, np.ndarray]]:
    """The hint for a backward pass that divides by the fraction of units this mask kept
    (mask.mean()) instead of keep_prob: that fraction is a random number near keep_prob, so
    dA is off by a factor close to 1 that changes from case to case and says nothing by
    itself. Where every unit was kept, dividing by it (1) leaves dA unscaled: the message then
    says so, as the two mistakes give the same dA there; where none was, both give 0."""
    if fraction == 0.0 or keep_prob == 1.0:
        return []
    reuse = (
        "the backward pass reuses the forward pass's mask and its scale, dout * mask / "
        "keep_prob (the fraction a mask kept is a random number near keep_prob, not what the "
        "forward pass divided by)"
    )
    if fraction == 1.0:
        return [
            (
                "dA is not scaled by 1/keep_prob like the forward pass (this mask kept every "
                "unit, so dividing by the fraction of units kept, mask.mean() = 1, gives the "
                f"same dA): {reuse}",
                np.where(kept, dout, 0.0),
            )
        ]
    return [
        (
            f"dA was divided by the fraction of units the mask kept, mask.mean() = "
            f"{fraction:.4g}, not by keep_prob = {keep_prob:g}: {reuse}",
            np.where(kept, dout / fraction, 0.0),
        )
    ]


class DropoutChecker(NNChecker):
    """dropout_forward(A, keep_prob, rng) -> (out, mask) and dropout_backward(dout, mask, keep_prob)."""

    name = "nn.dropout.dropout"
    entries = ("dropout_forward", "dropout_backward")
    harness = "dropout"
    copy_hint = "build a new array (A * mask / keep_prob) instead of A *= ..."

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"dropout_forward": ref.dropout_forward, "dropout_backward": ref.dropout_backward}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def keep() -> float:
            return round(float(rng.uniform(0.2, 0.95)), 3)

        plans: list[tuple[str, tuple[int, int], float]] = [
            ("a single unit", (1, 1), keep()),
            ("a small layer", (gen.size(rng, 3, 6), gen.size(rng, 2, 5)), keep()),
            ("keep_prob = 1 (nothing dropped)", (4, 6), 1.0),
            ("one example", (gen.size(rng, 200, 400), 1), keep()),
            ("a layer of activations", (gen.size(rng, 30, 50), gen.size(rng, 30, 50)), keep()),
            ("a low keep_prob", (40, 50), round(float(rng.uniform(0.1, 0.3)), 3)),
            ("a high keep_prob", (60, 40), round(float(rng.uniform(0.85, 0.97)), 3)),
        ]
        alpha = (FALSE_FAILURE_RATE - SPREAD_RATE) / (TESTS_PER_CASE * len(plans))
        spread_alpha = SPREAD_RATE / len(plans)
        out = []
        for i, (what, shape, keep_prob) in enumerate(plans, 1):
            A = gen.normal(rng, shape) + np.where(
                rng.random(shape) < 0.5, 0.5, -0.5
            )  # never exactly 0
            n = shape[0] * shape[1]
            spread = binomial_range_bounds(n, keep_prob, SPREAD_DRAWS, spread_alpha)
            testable = spread != (0, n) and 0 < keep_prob < 1
            spread_seeds = [gen.child_seed(rng) for _ in range(SPREAD_DRAWS)]
            inputs = {
                "A": A,
                "dout": gen.normal(rng, shape),
                "keep_prob": keep_prob,
                "seed": gen.child_seed(rng),
                "other_seed": gen.child_seed(rng),
                "global_seeds": [gen.child_seed(rng) % 2**32 for _ in range(3)],
                "spread_seeds": spread_seeds if testable else [],
            }
            out.append(
                Case(
                    f"case {i}: {what}, keep_prob={keep_prob}",
                    inputs,
                    gen.describe(A=A, keep_prob=keep_prob),
                    private={"alpha": alpha, "spread": spread if testable else None},
                )
            )
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        A, dout, keep_prob = case.inputs["A"], case.inputs["dout"], case.inputs["keep_prob"]
        alpha = case.private["alpha"]
        if "bad_forward" in outputs:
            j.fail(wrong_return("dropout_forward", "(out, mask)", outputs["bad_forward"]))
        raw_out = outputs.get("out")
        if (
            keep_prob == 1.0
            and isinstance(raw_out, np.ndarray)
            and raw_out.shape == A.shape
            and raw_out.dtype.kind == "f"
            and np.any(A != 0)
            and not np.any(np.isfinite(raw_out[A != 0]))
        ):
            j.fail(
                "out is inf or NaN wherever A is not 0 with keep_prob = 1, where nothing is "
                "dropped: the survivors were divided by the drop probability 1 - keep_prob = 0; "
                "inverted dropout divides them by keep_prob"
            )
        out = j.array("out", raw_out, A.shape)
        raw_mask = outputs.get("mask")
        if (
            isinstance(raw_mask, np.ndarray)
            and raw_mask.shape != A.shape
            and raw_mask.shape in (A.shape[1:], (1, *A.shape[1:]))
        ):
            j.fail(
                f"mask has shape {raw_mask.shape}, the shape of one row of A, A[0].shape; "
                f"expected {A.shape}: one row of draws broadcast over the rows shares each "
                "column's draw among all of its units; draw one per element, "
                "rng.random(A.shape) < keep_prob, and return that mask"
            )
        mask = j.array("mask", raw_mask, A.shape, float64=False)
        kept = mask != 0
        if not np.all((mask == 0) | (mask == 1)):
            value = float(mask[(mask != 0) & (mask != 1)].flat[0])
            scaled = " (1 / keep_prob)" if abs(value * keep_prob - 1) < 1e-9 else ""
            j.fail(
                f"mask holds {value:.6g}{scaled}, not only 0 and 1: the mask is True (or 1.0) "
                "where a unit was kept and False (or 0.0) where it was dropped, and "
                "dropout_backward gets such a mask; divide by keep_prob in out and in "
                "dropout_backward, not in the mask"
            )
        j.close(
            "out",
            out,
            _through_mask(kept, A, keep_prob),
            TOL,
            hints=[
                (
                    "the survivors are not scaled: inverted dropout divides them by keep_prob",
                    np.where(kept, A, 0.0),
                ),
                (
                    "the survivors were multiplied by keep_prob; inverted dropout divides by it",
                    np.where(kept, A * keep_prob, 0.0),
                ),
                (
                    f"the survivors were divided by the drop probability 1 - keep_prob = "
                    f"{1 - keep_prob:.3g}; inverted dropout divides by keep_prob = {keep_prob:g}, "
                    "the probability of keeping a unit",
                    _through_mask(kept, A, 1 - keep_prob),
                ),
            ],
        )
        again = j.array("out (second call)", outputs.get("out_again"), A.shape)
        if not np.array_equal(again, out):
            j.fail(
                "two calls with generators built from the same seed gave different results: "
                + _rng_hint(outputs.get("global_draws"))
            )
        if failure := global_rng_failure(
            outputs.get("global_reseeded"), "draw the mask from the rng argument (rng.random...)"
        ):
            j.fail(failure)
        n = A.size
        count = int(kept.sum())
        lo, hi = binomial_bounds(n, keep_prob, alpha)
        if not lo <= count <= hi:
            flipped = binomial_bounds(n, 1 - keep_prob, alpha)
            why = _shared_draws(mask, keep_prob)
            if flipped[0] <= count <= flipped[1] and keep_prob != 0.5:
                why = _shared_or_flipped(why, kept, keep_prob)
            allowed = f"all {n}" if lo == hi == n else f"between {lo} and {hi}"
            j.fail(
                f"kept {count} of {n} units ({count / n:.1%}) with keep_prob={keep_prob}; a correct "
                f"answer keeps {allowed}.{why} {stat_note()}"
            )
        same_chance = (keep_prob**2 + (1 - keep_prob) ** 2) ** n
        other = j.array("out (another seed)", outputs.get("out_other"), A.shape)
        if same_chance <= alpha and np.array_equal(other, out):
            j.fail(
                "generators built from different seeds gave the same mask: the randomness must "
                f"come from the rng argument {stat_note()}"
            )
        self._check_spread(case, outputs, j)
        dA = j.array("dA", outputs.get("dA"), A.shape)
        for wrong, what in (
            ((~kept) & (dA != 0), "is not 0 though the forward pass dropped that unit"),
            (kept & (dA == 0) & (dout != 0), "is 0 though the forward pass kept that unit"),
        ):
            if wrong.any():
                idx = ", ".join(str(int(i)) for i in np.argwhere(wrong)[0])
                j.fail(
                    f"dA[{idx}] {what}: the gradient flows through exactly the units the "
                    "forward pass kept, so multiply by the mask it returned (a new draw in the "
                    "backward pass, or no mask, lets it through the wrong units)"
                )
        fraction = float(kept.mean())
        j.close(
            "dA",
            dA,
            _through_mask(kept, dout, keep_prob),
            TOL,
            hints=[
                *_fraction_kept_hint(kept, dout, keep_prob, fraction),
                (
                    "dA is not scaled by 1/keep_prob like the forward pass",
                    np.where(kept, dout, 0.0),
                ),
                (
                    "dA was divided by the drop probability 1 - keep_prob; divide by keep_prob, "
                    "as in the forward pass",
                    _through_mask(kept, dout, 1 - keep_prob),
                ),
                (
                    "dA was multiplied by keep_prob; the forward pass divides the kept units "
                    "by keep_prob, so the backward pass divides by it too",
                    np.where(kept, dout * keep_prob, 0.0),
                ),
            ],
        )

    @staticmethod
    def _check_spread(case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        """The range of the kept counts over the spread draws is within the exact bounds."""
        bounds = case.private["spread"]
        if bounds is None:
            return
        A, keep_prob = case.inputs["A"], case.inputs["keep_prob"]
        n, draws = A.size, len(case.inputs["spread_seeds"])
        masks = outputs.get("spread_masks")
        if not isinstance(masks, list) or len(masks) != draws:
            j.fail(f"dropout_forward did not return a mask for each of {draws} more calls")
        arrays = [
            j.array(f"mask (call {k + 4})", m, A.shape, float64=False) for k, m in enumerate(masks)
        ]
        counts = [int(np.count_nonzero(m)) for m in arrays]
        low, high = min(counts), max(counts)
        lo, hi = bounds
        sd = math.sqrt(n * keep_prob * (1 - keep_prob))
        if high - low < lo:
            kept = f"exactly {low}" if low == high else f"between {low} and {high}"
            j.fail(
                f"{draws} calls with generators built from different seeds kept {kept} of {n} "
                f"units every time (keep_prob={keep_prob}); when each unit is kept independently "
                f"the count varies from call to call (Binomial(n, keep_prob), standard deviation "
                f"{sd:.3g}): a correct answer's largest and smallest counts differ by at least {lo}. Keeping a fixed "
                f"number of units (e.g. the first round(keep_prob * n) of a permutation, or "
                f"rng.choice(n, k, replace=False)) is not dropout: draw one uniform per unit, "
                f"rng.random(A.shape) < keep_prob. {stat_note()}"
            )
        if high - low > hi:
            why = next((w for w in (_shared_draws(m, keep_prob) for m in arrays) if w), "") or (
                " Draw one uniform per element, rng.random(A.shape) < keep_prob."
            )
            j.fail(
                f"{draws} calls with generators built from different seeds kept between {low} "
                f"and {high} of {n} units (keep_prob={keep_prob}): the count varies far more "
                f"than when each unit is kept independently (standard deviation {sd:.3g}; a "
                f"correct answer's largest and smallest counts differ by at most {hi}): units are "
                f"kept or dropped together.{why} {stat_note()}"
            )


dropout = DropoutChecker
