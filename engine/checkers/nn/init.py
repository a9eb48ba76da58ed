"""Checker for He and Xavier initialization: shape, determinism, and exact statistical tests.

For each large case, with s^2 the target variance and n = n_in * n_out entries w:
- mean:  sum(w) / (s sqrt(n)) is N(0, 1) exactly, so a two-sided z bound holds;
- variance: sum(w^2) / s^2 is chi-square(n), bounded with Chernoff's inequality;
- shape: the count of |w| < s is Binomial(n, erf(1/sqrt 2)), bounded with exact tails
  (this is what tells a normal draw from a uniform one of the same variance).
The false-failure budget FALSE_FAILURE_RATE is split evenly over every test of a grading.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, stat_note
from engine.checkers.nn._global_rng import global_rng_failure
from engine.checks import (
    FALSE_FAILURE_RATE,
    Axes,
    Judgement,
    binomial_bounds,
    chi2_mean_bounds,
    normal_z,
)
from engine.nn import init as ref

__all__ = ["initializers"]

TESTS_PER_CASE = 3
RNG_HINT = (
    "draw random numbers only from the rng argument (rng.standard_normal, rng.normal), "
    "not np.random.* or a new default_rng()"
)
WITHIN_ONE_SD = math.erf(1 / math.sqrt(2))
CUT_TAILS = 2.6
"""Below this many standard deviations, the largest of >= 3000 weights means cut tails.

A normal sample of 3000 stays within 2.6 of its standard deviations with probability
about 1e-12; this only words the message of a case that has already failed."""

TARGETS: dict[str, tuple[str, Callable[[int, int], float]]] = {
    "he_init": ("2 / n_in", ref.he_variance),
    "xavier_init": ("2 / (n_in + n_out)", ref.xavier_variance),
}


def _variance_guesses(n_in: int, n_out: int) -> list[tuple[str, float]]:
    """Variances that common mistakes give, to name the mistake."""
    return [
        ("2 / n_in (the He variance)", 2 / n_in),
        ("2 / (n_in + n_out) (the Xavier variance)", 2 / (n_in + n_out)),
        ("1 / n_in", 1 / n_in),
        ("2 / n_out: the fan-in is n_in", 2 / n_out),
        ("1 / (n_in + n_out)", 1 / (n_in + n_out)),
        (
            "6 / (n_in + n_out): the uniform variant's limit sqrt(6 / (n_in + n_out)) was used "
            "as the normal's standard deviation, which is sqrt(2 / (n_in + n_out))",
            6 / (n_in + n_out),
        ),
        (
            "(2 / n_in)**2: multiply by the standard deviation sqrt(2 / n_in), not the variance",
            (2 / n_in) ** 2,
        ),
        (
            "(2 / (n_in + n_out))**2: multiply by the standard deviation, not the variance",
            (2 / (n_in + n_out)) ** 2,
        ),
        (
            "2 / (n_in * n_out): the Xavier variance divides by the sum of the fans, "
            "n_in + n_out, not by their product",
            2 / (n_in * n_out),
        ),
        (
            "2 / n_in**2: the root was taken of the numerator only, np.sqrt(2) / n_in; the "
            "standard deviation is np.sqrt(2 / n_in)",
            2 / n_in**2,
        ),
        (
            "2 / (n_in + n_out)**2: the root was taken of the numerator only, "
            "np.sqrt(2) / (n_in + n_out); the standard deviation is np.sqrt(2 / (n_in + n_out))",
            2 / (n_in + n_out) ** 2,
        ),
        ("1: the draw was not scaled", 1.0),
        (UNIFORM_LINEAR_DEFAULT, 1 / (3 * n_in)),
        (
            "4 / (n_in + n_out), twice the Xavier variance: a gain of sqrt(2) (PyTorch's "
            "calculate_gain('relu')) was put on the Xavier draw; Xavier's gain here is 1",
            4 / (n_in + n_out),
        ),
    ]


UNIFORM_LINEAR_DEFAULT = (
    "1 / (3 n_in), a uniform draw on [-1/sqrt(n_in), 1/sqrt(n_in)]: PyTorch's nn.Linear "
    "default (kaiming_uniform_ with a = sqrt(5)), not He's normal draw"
)


def _nearest_guess(variance: float, n_in: int, n_out: int, lo: float, hi: float) -> str | None:
    """The mistake whose variance is nearest the sample's (by ratio), among those the bounds
    accept. With n_out far below n_in, 1 / n_in and 1 / (n_in + n_out) differ by less than
    the bounds' width, so the first one accepted was not always the one drawn."""
    fits = [
        (abs(math.log(variance / v)), name)
        for name, v in _variance_guesses(n_in, n_out)
        if lo <= variance / v <= hi
    ]
    return min(fits)[1] if fits else None


_AXES: Axes = (("n_out", "outputs"), ("n_in", "inputs"))
"""He's and Xavier's (n_out, n_in) matrix: the argument order is the other way round."""


class InitializersChecker(NNChecker):
    """he_init(n_in, n_out, rng) and xavier_init(n_in, n_out, rng), shaped (n_out, n_in)."""

    name = "nn.init.initializers"
    entries = ("he_init", "xavier_init")
    harness = "seeded"

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"he_init": ref.he_init, "xavier_init": ref.xavier_init}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        plans: list[tuple[str, str, int, int, bool]] = []
        for fn in ("he_init", "xavier_init"):
            small = gen.size(rng, 2, 5)
            plans.append((fn, "a single weight", 1, 1, False))
            plans.append((fn, "a small layer", small, small + gen.size(rng, 1, 4), False))
            # at least 3000 weights, and n_in, n_out at least 4x apart, so each common
            # mistake (fan-out, the other formula, a uniform draw) is far outside the bounds
            n_in = gen.size(rng, 120, 300)
            plans.append((fn, "a wide input", n_in, gen.size(rng, 25, n_in // 4), True))
            n_out = gen.size(rng, 120, 300)
            plans.append((fn, "a wide output", gen.size(rng, 25, n_out // 4), n_out, True))
        alpha = FALSE_FAILURE_RATE / (TESTS_PER_CASE * sum(p[4] for p in plans))
        out = []
        for i, (fn, what, n_in, n_out, stats) in enumerate(plans, 1):
            inputs = {
                "fn": fn,
                "args": [n_in, n_out],
                "seed": gen.child_seed(rng),
                "other_seed": gen.child_seed(rng),
                "global_seeds": [gen.child_seed(rng) % 2**32 for _ in range(3)],
            }
            out.append(
                Case(
                    f"case {i}: {fn}, {what}",
                    inputs,
                    f"{fn}(n_in={n_in}, n_out={n_out}, rng)",
                    private={"alpha": alpha, "stats": stats},
                )
            )
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        fn = case.inputs["fn"]
        n_in, n_out = case.inputs["args"]
        call = f"{fn}({n_in}, {n_out}, rng)"
        w = j.array(call, outputs.get("first"), (n_out, n_in), axes=_AXES)
        again = j.array(f"{call} (second call)", outputs.get("again"), (n_out, n_in), axes=_AXES)
        if not np.array_equal(w, again):
            j.fail(
                f"two calls with generators built from the same seed gave different weights: {RNG_HINT}"
            )
        other = j.array(f"{call} (another seed)", outputs.get("other"), (n_out, n_in), axes=_AXES)
        if np.array_equal(w, other):
            j.fail(f"generators built from different seeds gave the same weights: {RNG_HINT}")
        if failure := global_rng_failure(
            outputs.get("global_reseeded"), "draw the weights from the rng argument (rng.normal...)"
        ):
            j.fail(failure)
        if not case.private["stats"]:
            return
        alpha = case.private["alpha"]
        formula, variance = TARGETS[fn]
        # the variance first: the mean test is exact only once the variance is right
        target = variance(n_in, n_out)
        n = w.size
        ratio = float(np.sum(w * w)) / (n * target)
        lo, hi = chi2_mean_bounds(n, alpha)
        if not lo <= ratio <= hi:
            guess = _nearest_guess(ratio * target, n_in, n_out, lo, hi)
            why = f" That matches a variance of {guess}." if guess else ""
            tails = float(np.abs(w).max()) / math.sqrt(ratio * target)
            if tails < CUT_TAILS:
                # a normal sample this large reaches past 3 of its standard deviations
                why = (
                    f" The largest |w| is only {tails:.2f} times the sample's standard deviation: "
                    "the tails are cut, as in a truncated normal (which shrinks the variance: "
                    "cut at 2 sigma, it keeps about 0.77 of sigma**2) or a uniform draw. Draw "
                    "from an untruncated normal (rng.standard_normal) and scale it."
                )
                if guess == UNIFORM_LINEAR_DEFAULT:
                    why += f" The variance matches {guess}."
                if lo <= 3 * ratio <= hi:
                    why += (
                        " A third of the target is what a uniform draw on [-1, 1] gives, whose "
                        "variance is 1/3, scaled by the target's standard deviation."
                    )
            j.fail(
                f"the weights of {call} have variance {ratio * target:.4g}, {ratio:.3g} times the "
                f"target {formula} = {target:.4g} (a correct answer is within [{lo:.3f}, {hi:.3f}] "
                f"times it).{why} {stat_note()}",
                expected=f"{target:.4g}",
                got=f"{ratio * target:.4g}",
            )
        z = float(w.sum()) / math.sqrt(target * n)
        if abs(z) > normal_z(alpha):
            j.fail(
                f"the weights of {call} have mean {w.mean():.3g}, {abs(z):.1f} standard errors away "
                f"from 0; they should be centred on 0 {stat_note()}"
            )
        inside = int(np.count_nonzero(np.abs(w) < math.sqrt(target)))
        lo_n, hi_n = binomial_bounds(n, WITHIN_ONE_SD, alpha)
        if not lo_n <= inside <= hi_n:
            j.fail(
                f"{inside / n:.1%} of the weights of {call} lie within one standard deviation of 0; "
                f"a normal distribution puts {WITHIN_ONE_SD:.1%} there (a correct answer gives "
                f"{lo_n / n:.1%} to {hi_n / n:.1%}). "
                f"{_shape_advice(float(np.abs(w).max()) / math.sqrt(target))} {stat_note()}"
            )


UNIFORM_TAILS = 1.8
"""A uniform draw of the right variance ends at sqrt(3) = 1.73 standard deviations; a normal
cut at 2 sigma and rescaled to the right variance (Keras's he_normal) ends at about 2.27."""


def _shape_advice(tails: float) -> str:
    """What to draw instead, told by how far the largest weight reaches (in target sigmas)."""
    if UNIFORM_TAILS < tails < CUT_TAILS:
        return (
            f"The largest |w| is only {tails:.2f} standard deviations: the tails are cut, as in "
            "a truncated normal rescaled to the target variance (Keras's he_normal and "
            "glorot_normal, torch's trunc_normal_); the Task asks for an untruncated normal "
            "(rng.standard_normal, scaled)."
        )
    return "Draw from a normal distribution, not a uniform one."


initializers = InitializersChecker
