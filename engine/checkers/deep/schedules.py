"""Checker for the warmup + cosine learning-rate schedule, evaluated at every step of a run."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker
from engine.checks import Judgement, Tolerance, fmt, fmt_pair
from engine.deep import schedules as ref

__all__ = ["warmup_cosine_lr"]

RTOL = 1e-9
"""Relative tolerance per step; an absolute 1e-12 * base_lr covers rates near 0."""


def _cosine(
    step: int,
    base: float,
    warmup: int,
    total: int,
    floor: float,
    *,
    warm: Callable[[int], float] | None = None,
    p_of: Callable[[int], float] | None = None,
    clip: bool = True,
    shape: Callable[[float], float] = lambda p: (1.0 + math.cos(math.pi * p)) / 2.0,
    top: float | None = None,
) -> float:
    """The schedule with one part swapped out: each known mistake is one keyword."""
    if step < warmup:
        return warm(step) if warm else base * (step + 1) / warmup
    p = p_of(step) if p_of else (step - warmup) / max(1, total - warmup)
    if clip:
        p = min(1.0, max(0.0, p))
    span = (base - floor) if top is None else top
    return floor + span * shape(p)


class WarmupCosineChecker(NNChecker):
    """warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0) -> float."""

    name = "deep.schedules.warmup_cosine_lr"
    entries = ("warmup_cosine_lr",)
    harness = "steps"

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"warmup_cosine_lr": ref.warmup_cosine_lr}

    def error_cause(self, case: Case, error: str) -> str | None:
        """A division by warmup_steps when it is 0 (the warmup branch not guarded), or by
        total_steps - warmup_steps when they are equal (the max(1, ...) left out)."""
        if not error.startswith("ZeroDivisionError"):
            return None
        _, warmup, total = case.inputs["args"][:3]
        if warmup == total and warmup > 0:
            return (
                "with warmup_steps == total_steps the cosine's length total_steps - "
                "warmup_steps is 0, and something was divided by it: the denominator of p "
                "is max(1, total_steps - warmup_steps)"
            )
        if warmup != 0:
            return None
        return (
            "with warmup_steps = 0 there is no warmup, yet something was divided by "
            "warmup_steps: test step < warmup_steps before the division (the test is False "
            "for every step when warmup_steps is 0, so the cosine starts at step 0 with base_lr)"
        )

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def base() -> float:
            return gen.log_uniform(rng, 1e-4, 1.0)

        plans: list[tuple[str, int, int, float | None, list[int] | None]] = []
        w = gen.size(rng, 4, 12)
        plans.append(("warmup, then cosine to 0", w, w + gen.size(rng, 20, 60), None, None))
        w = gen.size(rng, 3, 10)
        plans.append(("a floor min_lr", w, w + gen.size(rng, 20, 60), -1.0, None))
        plans.append(("no warmup (warmup_steps = 0)", 0, gen.size(rng, 10, 40), -1.0, None))
        plans.append(("one warmup step", 1, gen.size(rng, 8, 30), None, None))
        w = gen.size(rng, 3, 8)
        plans.append(("warmup_steps == total_steps", w, w, -1.0, None))
        plans.append(("a single step in total", 0, 1, -1.0, None))
        w, total = gen.size(rng, 200, 2000), gen.size(rng, 20_000, 100_000)
        sampled = {0, 1, w - 1, w, w + 1, (w + total) // 2, total - 1, total, total + 1}
        sampled |= {int(s) for s in rng.integers(0, total + 5000, size=40)}
        plans.append(("a long run, sampled steps", w, total, -1.0, sorted(sampled)))
        out = []
        for i, (what, warmup, total, floor, steps) in enumerate(plans, 1):
            base_lr = base()
            args: list[Any] = [base_lr, warmup, total]
            min_lr = 0.0
            if floor is not None:
                min_lr = base_lr * float(rng.uniform(0.01, 0.3))
                args.append(min_lr)
            if steps is None:
                steps = list(range(total + gen.size(rng, 3, 10)))
            shown = f"min_lr={fmt(min_lr)}" if floor is not None else "min_lr: default (0.0)"
            out.append(
                Case(
                    f"case {i}: {what}",
                    {"fn": "warmup_cosine_lr", "steps": steps, "args": args},
                    f"base_lr={fmt(base_lr)}, warmup_steps={warmup}, total_steps={total}, "
                    f"{shown}; steps {steps[0]}..{steps[-1]} ({len(steps)} of them)",
                )
            )
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        steps: list[int] = case.inputs["steps"]
        args = case.inputs["args"]
        base, warmup, total = args[0], args[1], args[2]
        floor = args[3] if len(args) > 3 else 0.0
        values = j.sequence("the rates (one per step)", outputs.get("out"), len(steps))
        got = np.array(
            [j.scalar(f"the rate at step {s}", v) for s, v in zip(steps, values, strict=True)]
        )
        expected = np.array([ref.warmup_cosine_lr(s, *args) for s in steps])
        tol = Tolerance(rtol=RTOL, atol=1e-12 * base)
        j.tolerances.append(f"every rate: {tol}")
        bad = np.nonzero(tol.violation(got, expected) > 1.0)[0]
        if bad.size == 0:
            return
        k = int(bad[0])
        span = max(1, total - warmup)
        mistakes: list[tuple[str, Callable[[int], float]]] = [
            (
                "the warmup is off by one: step 0 must already train at base_lr/warmup_steps "
                "and the last warmup step reach base_lr, so use (step + 1) / warmup_steps",
                lambda s: _cosine(s, base, warmup, total, floor, warm=lambda t: base * t / warmup),
            ),
            (
                "the warmup is off by one: step / (warmup_steps - 1) starts at 0, so step 0 "
                "does not train; step 0 must already train at base_lr / warmup_steps, so use "
                "(step + 1) / warmup_steps",
                lambda s: _cosine(
                    s, base, warmup, total, floor, warm=lambda t: base * t / max(1, warmup - 1)
                ),
            ),
            (
                "the warmup is off by one: (step + 1) / warmup_steps, not / (warmup_steps + 1)",
                lambda s: _cosine(
                    s, base, warmup, total, floor, warm=lambda t: base * (t + 1) / (warmup + 1)
                ),
            ),
            (
                # differs from the reference only when warmup_steps == total_steps, where the
                # progress-from-zero slip gives the same rates: name this one first
                "with warmup_steps == total_steps the step at total_steps still trains at "
                "base_lr: max(1, total_steps - warmup_steps) is 1, so p is 0 there and 1 only "
                "from the next step; compute p instead of testing step >= total_steps",
                lambda s: (
                    floor if s >= max(total, warmup) else _cosine(s, base, warmup, total, floor)
                ),
            ),
            (
                "the cosine's progress must start when warmup ends: "
                "p = (step - warmup_steps) / (total_steps - warmup_steps)",
                lambda s: _cosine(s, base, warmup, total, floor, p_of=lambda t: t / max(1, total)),
            ),
            (
                "the cosine is one step ahead: p = (step + 1 - warmup_steps) / ... is "
                "already past 0 at step = warmup_steps, which must train at base_lr; "
                "p = (step - warmup_steps) / max(1, total_steps - warmup_steps)",
                lambda s: _cosine(
                    s, base, warmup, total, floor, p_of=lambda t: (t + 1 - warmup) / span
                ),
            ),
            (
                "p was divided by total_steps; the decay lasts total_steps - warmup_steps "
                "steps, so p = (step - warmup_steps) / (total_steps - warmup_steps) reaches 1 "
                "at total_steps (over total_steps it never gets there)",
                lambda s: _cosine(
                    s, base, warmup, total, floor, p_of=lambda t: (t - warmup) / max(1, total)
                ),
            ),
            (
                "past total_steps the rate must stay at min_lr: clip p to [0, 1]",
                lambda s: _cosine(s, base, warmup, total, floor, clip=False),
            ),
            (
                "min_lr was ignored: the cosine runs from base_lr down to min_lr, "
                "min_lr + (base_lr - min_lr) * (1 + cos(pi p)) / 2",
                lambda s: _cosine(s, base, warmup, total, 0.0),
            ),
            (
                "min_lr was read as a fraction of base_lr (a min_lr_rate, as some schedulers "
                "take it), so the decay ends at base_lr * min_lr; min_lr is the rate itself: "
                "min_lr + (base_lr - min_lr) * (1 + cos(pi p)) / 2",
                lambda s: _cosine(s, base, warmup, total, base * floor),
            ),
            (
                "the cosine was scaled by base_lr and min_lr added on top; scale it by "
                "(base_lr - min_lr) so it ends at min_lr",
                lambda s: _cosine(s, base, warmup, total, floor, top=base),
            ),
            (
                "the warmup used integer division, (step + 1) // warmup_steps, which is 0 "
                "until the warmup's last step: the rate stays at 0 and then jumps to base_lr; "
                "use true division, base_lr * (step + 1) / warmup_steps",
                lambda s: _cosine(
                    s, base, warmup, total, floor, warm=lambda t: base * ((t + 1) // warmup)
                ),
            ),
            (
                "the warmup ramps up from min_lr; here it ramps up from 0, base_lr * (step + "
                "1) / warmup_steps, and min_lr is only where the cosine decay ends",
                lambda s: _cosine(
                    s,
                    base,
                    warmup,
                    total,
                    floor,
                    warm=lambda t: floor + (base - floor) * (t + 1) / warmup,
                ),
            ),
            (
                "the cosine is upside down: (1 - cos(pi p)) / 2 rises from 0 to 1, so the "
                "rate drops to min_lr when warmup ends and climbs back; (1 + cos(pi p)) / 2 "
                "falls from 1 to 0",
                lambda s: _cosine(
                    s, base, warmup, total, floor, shape=lambda p: (1.0 - math.cos(math.pi * p)) / 2
                ),
            ),
            (
                "this is a quarter cosine, cos(pi p / 2), which stays near the top longer and "
                "falls steeply at the end; the schedule is the half cosine (1 + cos(pi p)) / 2",
                lambda s: _cosine(
                    s, base, warmup, total, floor, shape=lambda p: math.cos(math.pi * p / 2)
                ),
            ),
            (
                "the cosine misses the / 2: (1 + cos(pi p)) / 2 runs from 1 down to 0",
                lambda s: _cosine(
                    s, base, warmup, total, floor, shape=lambda p: 1.0 + math.cos(math.pi * p)
                ),
            ),
            (
                "the cosine's argument misses pi: cos(pi * p) runs from 1 to -1 as p goes from "
                "0 to 1, so (1 + cos(pi p)) / 2 falls from 1 to 0; cos(p) barely moves",
                lambda s: _cosine(
                    s, base, warmup, total, floor, shape=lambda p: (1.0 + math.cos(p)) / 2
                ),
            ),
            (
                "the cosine's half turn was written in degrees, cos(180 * p), but math.cos and "
                "np.cos take radians, so the rate swings up and down about 29 times over the "
                "decay; the angle is pi * p (math.radians(180 * p) if you think in degrees)",
                lambda s: _cosine(
                    s, base, warmup, total, floor, shape=lambda p: (1.0 + math.cos(180.0 * p)) / 2
                ),
            ),
            (
                "this is a linear decay, 1 - p; the schedule is the half cosine (1 + cos(pi p)) / 2",
                lambda s: _cosine(s, base, warmup, total, floor, shape=lambda p: 1.0 - p),
            ),
            (
                "the decay reaches min_lr one step early: divide by total_steps - warmup_steps, "
                "not by one less",
                lambda s: _cosine(
                    s,
                    base,
                    warmup,
                    total,
                    floor,
                    p_of=lambda t: (t - warmup) / max(1, span - 1),
                ),
            ),
            *(
                (
                    "past total_steps the cosine starts over from base_lr (a warm restart, the "
                    "step taken modulo the cycle); past total_steps the rate stays at min_lr: "
                    "clip p to [0, 1]",
                    lambda s, cycle=cycle: _cosine(
                        s, base, warmup, total, floor, p_of=lambda t: (t - warmup) % cycle / span
                    ),
                )
                for cycle in (span + 1, span)
                if cycle > 1  # a one-step cycle is no restart: p is 0 at every step
            ),
        ]
        if any(0 < s - warmup < span for s in steps):
            # only where some step lies inside the decay: at p = 0 and p = 1 alone,
            # cos(pi p)**2 is 1, a constant rate, which is told as that
            mistakes.append(
                (
                    "the decay is cos(pi p)**2, which falls to 0 at the middle and climbs back "
                    "to 1; the half cosine is (1 + cos(pi p)) / 2, which is cos(pi p / 2)**2",
                    lambda s: _cosine(
                        s, base, warmup, total, floor, shape=lambda p: math.cos(math.pi * p) ** 2
                    ),
                )
            )
        if len(args) == 3:  # min_lr left to its default
            tenth = fmt(base / 10)
            mistakes.append(
                (
                    f"min_lr defaulted to base_lr / 10 = {tenth}, so the cosine ends there; "
                    "min_lr defaults to 0.0, and the rate decays to 0",
                    lambda s: _cosine(s, base, warmup, total, base / 10),
                )
            )
        step = steps[k]
        shown_e, shown_g = fmt_pair(float(expected[k]), float(got[k]))
        detail = f"at step {step} expected {shown_e}, got {shown_g}"
        guesses: list[tuple[str, np.ndarray]] = []
        for message, fn in mistakes:
            try:
                guesses.append((message, np.array([fn(s) for s in steps])))
            except ZeroDivisionError:
                continue
        for message, guess in guesses:
            if np.all(tol.violation(got, guess) <= 1.0):
                j.fail(f"{message}: {detail}", expected=shown_e, got=shown_g)
        flat = _flat_rate(steps, got, expected, base, warmup, total, floor, tol)
        if flat:
            j.fail(f"{flat}: {detail}", expected=shown_e, got=shown_g)
        # Two slips in two phases (an off-by-one warmup and an unclipped p) match no one
        # mistake over the whole run: name the one that explains the first wrong step's phase.
        phase = _phases(steps, warmup, total)
        same = phase == phase[k]
        for message, guess in guesses:
            explains = tol.violation(guess[k : k + 1], expected[k : k + 1])[0] > 1.0
            if explains and np.all(tol.violation(got[same], guess[same]) <= 1.0):
                j.fail(f"{message}: {detail}", expected=shown_e, got=shown_g)
        j.fail(f"wrong rate: {detail}", expected=shown_e, got=shown_g)


def _phases(steps: list[int], warmup: int, total: int) -> np.ndarray:
    """Each step's part of the schedule: 0 warmup, 1 the cosine decay (p from 0 to 1),
    2 past its end (p clipped to 1)."""
    at = np.array(steps)
    return np.where(at < warmup, 0, np.where(at <= max(total, warmup), 1, 2))


def _flat_rate(
    steps: list[int],
    got: np.ndarray,
    expected: np.ndarray,
    base: float,
    warmup: int,
    total: int,
    floor: float,
    tol: Tolerance,
) -> str:
    """Why the rate stands still where the cosine should move it (empty when it moves): a
    cosine term that lost its step, or no schedule at all, with the constant named."""
    decay = [k for k, s in enumerate(steps) if warmup <= s < total]
    if len(decay) < 2:  # no decay to stand still in (total_steps <= warmup_steps + 1)
        decay = list(range(len(steps)))
    if np.ptp(expected[decay]) <= tol.rtol * base:
        return ""
    rate = float(got[decay[0]])
    if np.any(tol.violation(got[decay], np.full(len(decay), rate)) > 1.0):
        return ""
    named = [
        (
            (floor + base) / 2,
            "base_lr / 2, the middle of the cosine"
            if floor == 0.0
            else "(base_lr + min_lr) / 2, the middle of the cosine",
        ),
        (base / 2, "base_lr / 2 (min_lr left out)"),
        (base, "base_lr"),
        (floor, "min_lr"),
    ]
    what = next(
        (text for value, text in named if abs(rate - value) <= tol.rtol * abs(value) + tol.atol),
        fmt(rate),
    )
    everywhere = bool(np.all(tol.violation(got, np.full(len(steps), rate)) <= 1.0))
    if everywhere and warmup > 0:
        return (
            f"the rate is {what} at every step, warmup included: the schedule must follow "
            "the step, rising as base_lr * (step + 1) / warmup_steps, then falling along "
            "the cosine"
        )
    where = "at every step" if warmup == 0 else "after warmup"
    # p = (step - warmup) // span is 0 until the span is done: the rate holds base_lr
    floored = (
        " (a p computed with //, floor division, is 0 until the last step: divide with /)"
        if what == "base_lr"
        else ""
    )
    return (
        f"the rate stays at {what} {where}: the cosine term (1 + cos(pi p)) / 2 lost its "
        "step, so it never moves; p = (step - warmup_steps) / max(1, total_steps - "
        f"warmup_steps) must grow from 0 to 1 as the steps go by{floored}"
    )


warmup_cosine_lr = WarmupCosineChecker
