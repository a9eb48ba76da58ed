"""Checker for clipping a list of gradients by their global L2 norm."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checks import Judgement, Tolerance, fmt
from engine.deep import clipping as ref

__all__ = ["clip_grad_norm"]

TOL = Tolerance(rtol=1e-10)
"""A sum of squares, a root and one multiplication: any faithful order agrees to ~1e-15."""

Arrays = list[np.ndarray]


def _per_array(grads: Arrays, max_norm: float) -> Arrays:
    out = []
    for g in grads:
        norm = float(np.sqrt(np.sum(g * g)))
        out.append(g * (max_norm / norm) if norm > max_norm else g.copy())
    return out


def _spectral_total(grads: Arrays) -> float:
    """The global norm with np.linalg.norm(g, 2) for each 2-D array: a matrix's largest
    singular value, not its Frobenius norm."""
    squares = [
        float(np.linalg.norm(g, 2)) ** 2 if g.ndim == 2 else float(np.sum(g * g)) for g in grads
    ]
    return float(np.sqrt(sum(squares)))


def _scaled(grads: Arrays, factor: float) -> Arrays:
    return [g * factor for g in grads]


def _same(got: Arrays, hypothesis: Arrays) -> bool:
    return all(
        g.shape == h.shape and bool(np.all(TOL.violation(g, h) <= 1.0))
        for g, h in zip(got, hypothesis, strict=True)
    )


def _some_left_unscaled(got: Arrays, grads: Arrays, expected: Arrays, j: Judgement) -> None:
    """Fail naming the arrays that came back as they were while the others were clipped
    (a rule such as `g.ndim >= 2` that scales weight matrices and skips bias vectors)."""
    scaled = [i for i, (g, e) in enumerate(zip(got, expected, strict=True)) if _same([g], [e])]
    left = [
        i
        for i, (g, x) in enumerate(zip(got, grads, strict=True))
        if i not in scaled and _same([g], [x])
    ]
    if not left or not scaled or len(left) + len(scaled) < len(got):
        return
    shapes = ", ".join(f"clipped[{i}] {grads[i].shape}" for i in left)
    j.fail(
        f"{shapes} came back unscaled while the other arrays were clipped: every array, "
        "bias vectors and size-1 arrays included, is multiplied by the same factor "
        "max_norm / total_norm"
    )


def _one_arrays_norm(norms: list[float]) -> list[tuple[str, float]]:
    """total_norm as one array's norm: the first's (np.linalg.norm(grads[0]), a loop that
    returns early) or the largest's; where the first is the largest the case cannot tell them
    apart, and says both. Empty with one array, whose norm is the total."""
    if len(norms) < 2:
        return []
    whole = "it is the norm of all entries together"
    first = "total_norm is the first array's norm only, grads[0]'s"
    largest = "total_norm is the largest array's norm"
    if norms[0] == max(norms):
        return [(f"{first}, which is also the largest here ({largest}); {whole}", norms[0])]
    return [(f"{first}; {whole}", norms[0]), (f"{largest}; {whole}", max(norms))]


class ClipGradNormChecker(NNChecker):
    """clip_grad_norm(grads, max_norm) -> (clipped, total_norm), one factor for every array."""

    name = "deep.clipping.clip_grad_norm"
    entries = ("clip_grad_norm",)
    harness = "clipping"
    copy_hint = "return new arrays (g * scale) instead of scaling with *="

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"clip_grad_norm": ref.clip_grad_norm}

    def mutated_message(self, case: Case, names: tuple[str, ...], outputs: Any = None) -> str:
        """The caller's list given new arrays (`grads[i] = g * coef`, PyTorch's in-place
        clip_grad_norm_ ported) was told to stop scaling with *=, which it never did."""
        if isinstance(outputs, Mapping) and outputs.get("list_changed") is True:
            return (
                "your code put new arrays into the caller's list (grads[i] = ...): the arrays "
                "are new, but the list is the caller's, and it now holds the clipped values "
                "instead of its gradients; build a new list ([g * scale for g in grads]) "
                "and leave grads as it was"
            )
        return super().mutated_message(case, names, outputs)

    def error_cause(self, case: Case, error: str) -> str | None:
        """np.concatenate(grads) on arrays of different shapes: numpy refuses to join them;
        np.linalg.norm(g, "fro") on a 1-D array (a bias): "fro" is a matrix norm only."""
        if error.startswith("ValueError: Invalid norm order 'fro' for vectors"):
            vectors = [
                f"grads[{i}] {g.shape}"
                for i, g in enumerate(case.inputs["args"][0])
                if isinstance(g, np.ndarray) and g.ndim == 1
            ]
            return (
                'np.linalg.norm(g, "fro") takes the Frobenius norm of a matrix only, and '
                f"this case holds a 1-D array ({', '.join(vectors) or 'a vector'}), as a "
                "bias gradient is; np.linalg.norm(g) with no ord flattens an array of any "
                "shape and gives the same number for a matrix (or use np.sqrt(np.sum(g**2)))"
            )
        if not error.startswith("ValueError: all the input array") or not (
            "concatenation axis" in error or "same number of dimensions" in error
        ):
            return None
        return (
            "np.concatenate(grads) joins the arrays along their first axis, which needs "
            "every other axis (and the number of axes) to match, and the gradients differ in "
            "shape; flatten each one first, np.concatenate([g.ravel() for g in grads]), or "
            "add up np.sum(g**2) array by array"
        )

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def model(*shapes: tuple[int, ...], scale: float = 1.0) -> Arrays:
            return [gen.normal(rng, s, scale) for s in shapes]

        layer = (gen.size(rng, 3, 6), gen.size(rng, 2, 5))
        plans: list[tuple[str, Arrays, float]] = []
        big = model(layer, (layer[0], 1), (2, layer[0]), (2, 1))
        big[0] = big[0] * 20.0
        norms = [float(np.linalg.norm(g)) for g in big]
        # the large array alone is over the limit, the small ones are not
        plans.append(
            ("several arrays, one of them large", big, max(norms[1:]) * rng.uniform(1.2, 2.0))
        )
        small = model((4, 3), (4, 1), (3, 4), (3, 1), (5,))
        norms = [float(np.linalg.norm(g)) for g in small]
        total = ref.global_norm(small)
        plans.append(
            (
                "each array under max_norm, all together over it",
                small,
                float(rng.uniform(max(norms), total)),
            )
        )
        under = model(layer, (layer[0], 1))
        plans.append(("norm below max_norm", under, ref.global_norm(under) * rng.uniform(1.1, 3.0)))
        exact = model((3, 3), (3, 1), (1, 3))
        plans.append(("norm exactly at max_norm", exact, ref.global_norm(exact)))
        zeros = [np.zeros((3, 2)), np.zeros((3, 1))]
        plans.append(("all gradients zero", zeros, float(rng.uniform(0.5, 5.0))))
        huge = model((1,), (1, 1), (2, 3), scale=1e6)
        plans.append(("size-1 arrays and exploding gradients", huge, 1.0))
        single = model((gen.size(rng, 2, 6),), scale=3.0)
        plans.append(
            ("a single 1-D array", single, ref.global_norm(single) * rng.uniform(0.2, 0.8))
        )
        large = model((64, 32), (64, 1), (10, 64), (10, 1), scale=0.1)
        plans.append(("a larger model", large, gen.log_uniform(rng, 0.5, 5.0)))
        out = []
        for i, (what, grads, max_norm) in enumerate(plans, 1):
            shapes = ", ".join(str(g.shape) for g in grads)
            out.append(
                Case(
                    f"case {i}: {what}",
                    call_inputs("clip_grad_norm", grads, float(max_norm)),
                    f"grads: {len(grads)} array{'s' if len(grads) > 1 else ''} {shapes}, global norm "
                    f"{fmt(ref.global_norm(grads))}; max_norm={fmt(max_norm)}",
                )
            )
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        grads, max_norm = case.inputs["args"]
        expected, total = ref.clip_grad_norm(grads, max_norm)
        result = j.sequence("the result (clipped, total_norm)", outputs.get("out"), 2)
        if isinstance(result[1], list | tuple) and not isinstance(result[0], list | tuple):
            j.fail(
                "the result is (total_norm, clipped), the other way round; return "
                "(clipped, total_norm): the list of clipped arrays first, then the norm"
            )
        got_total = j.scalar("total_norm", result[1])
        clipped = j.sequence("clipped", result[0], len(grads))
        got = [
            j.array(f"clipped[{i}]", c, g.shape)
            for i, (c, g) in enumerate(zip(clipped, grads, strict=True))
        ]
        shared = outputs.get("shared")
        if isinstance(shared, list) and any(x is True for x in shared):
            i = next(k for k, x in enumerate(shared) if x is True)
            j.fail(
                f"clipped[{i}] is one of the input arrays (or a view of it); return new arrays "
                "in both branches (g.copy() when nothing is clipped), so that a later in-place "
                "update of one cannot change the other"
            )
        norms = [float(np.sqrt(np.sum(g * g))) for g in grads]
        count = sum(g.size for g in grads)
        j.close(
            "total_norm",
            got_total,
            total,
            TOL,
            hints=[
                (
                    "total_norm is the sum of the arrays' own norms; it is the norm of all "
                    "entries together, sqrt(sum of every squared entry)",
                    sum(norms),
                ),
                ("total_norm misses the square root", total * total),
                (
                    "total_norm is the root of the sum of the arrays' norms, each norm left "
                    "unsquared; square each one before adding: sqrt(sum of np.sum(g**2))",
                    lambda: float(np.sqrt(sum(norms))),
                ),
                *(
                    [
                        (
                            f"total_norm is the root mean square of the {count} entries, "
                            "np.sqrt(np.mean(g**2)), the norm divided by "
                            f"sqrt({count}); the norm sums the squares: "
                            "sqrt(sum of every squared entry)",
                            total / np.sqrt(count),
                        )
                    ]
                    if count > 1
                    else []
                ),
                *(
                    [
                        (
                            f"total_norm is sqrt(np.mean(squares) * {len(grads)}): the squares' "
                            f"mean over the {count} entries times the number of arrays; the "
                            "norm sums the squares instead: sqrt(sum of every squared entry)",
                            total * np.sqrt(len(grads) / count),
                        )
                    ]
                    if count not in (1, len(grads))
                    else []
                ),
                *_one_arrays_norm(norms),
                (
                    "total_norm must be the norm before clipping (it reports how large the "
                    "gradients were)",
                    min(total, max_norm),
                ),
                (
                    "total_norm is the largest absolute entry (the max norm); it is the L2 norm "
                    "of all entries together, sqrt(sum of every squared entry)",
                    max((float(np.abs(g).max()) for g in grads if g.size), default=0.0),
                ),
                (
                    "total_norm is the L1 norm, the sum of the absolute entries; it is the L2 "
                    "norm, sqrt(sum of every squared entry)",
                    lambda: sum(float(np.abs(g).sum()) for g in grads),
                ),
                (
                    "total_norm squares each array's sum, np.sum(g)**2, where positive and "
                    "negative entries cancel; it squares every entry first: "
                    "sqrt(sum of np.sum(g**2))",
                    lambda: float(np.sqrt(sum(float(np.sum(g)) ** 2 for g in grads))),
                ),
                (
                    "total_norm adds up each array's column norms before squaring, "
                    "np.sum(np.linalg.norm(g, axis=0))**2; the columns' squared norms add "
                    "up, not the norms: sqrt(sum of every squared entry)",
                    lambda: float(
                        np.sqrt(
                            sum(
                                float(np.sum(np.linalg.norm(np.atleast_2d(g), axis=0))) ** 2
                                for g in grads
                            )
                        )
                    ),
                ),
                (
                    "np.linalg.norm(g, 2) of a 2-D array is its largest singular value, not "
                    "the root of its squared entries: call np.linalg.norm(g) with no ord (the "
                    "Frobenius norm), or np.sqrt(np.sum(g**2))",
                    lambda: _spectral_total(grads),
                ),
            ],
        )
        if _same(got, expected):
            return
        unchanged = [g.copy() for g in grads]
        per_array = _per_array(grads, max_norm)
        reasons: list[tuple[str, Arrays]] = []
        if total > max_norm:
            if _same(per_array, unchanged):
                reasons.append(
                    (
                        f"the arrays came back unscaled, but the norm of all of them together "
                        f"is {fmt(total)} > max_norm = {fmt(max_norm)} (each array alone is "
                        "under it): clip by the global norm, scaling every array by "
                        "max_norm / total_norm",
                        unchanged,
                    )
                )
            reasons.append(
                (
                    "each array was clipped by its own norm; clip_grad_norm scales every array "
                    "by one factor, max_norm / (the global norm of all entries together)",
                    per_array,
                )
            )
            if len(grads) > 1:
                share = max_norm / np.sqrt(len(grads))
                reasons.append(
                    (
                        f"each array was clipped to its own share of the norm, max_norm / "
                        f"sqrt({len(grads)}) = {fmt(share)}; clip_grad_norm scales every array "
                        "by one factor, max_norm / total_norm, so a small array shrinks as "
                        "much as a large one",
                        _per_array(grads, share),
                    )
                )
            reasons.append(
                (
                    f"the arrays came back unscaled although total_norm = {fmt(total)} > "
                    f"max_norm = {fmt(max_norm)}",
                    unchanged,
                )
            )
            reasons.append(
                (
                    "the entries were clipped by value (np.clip); clipping by norm rescales "
                    "every array by max_norm / total_norm and keeps the direction",
                    [np.clip(g, -max_norm, max_norm) for g in grads],
                )
            )
            reasons.append(
                (
                    "the arrays were divided by total_norm alone, which scales their norm to "
                    f"1, not to max_norm = {fmt(max_norm)}: multiply by max_norm / total_norm",
                    _scaled(grads, 1.0 / total),
                )
            )
            reasons.append(
                (
                    "the arrays were scaled by total_norm / max_norm, the ratio upside down: "
                    "scale by max_norm / total_norm, which is below 1 when clipping",
                    _scaled(grads, total / max_norm),
                )
            )
            reasons.append(
                (
                    "the arrays were scaled by (max_norm / total_norm)**2, the ratio of the "
                    "squared norms, so their norm ends below max_norm; scale by max_norm / "
                    "total_norm itself (comparing squared norms is fine, scaling by them is not)",
                    _scaled(grads, (max_norm / total) ** 2),
                )
            )
            for eps in (1e-6, 1e-8, 1e-12):
                reasons.append(
                    (
                        f"an epsilon ({eps:g}) was added to the norm; this drill scales by "
                        "exactly max_norm / total_norm",
                        _scaled(grads, max_norm / (total + eps)),
                    )
                )
        elif total > 0:
            reasons.append(
                (
                    f"the arrays were scaled although total_norm = {fmt(total)} <= max_norm = "
                    f"{fmt(max_norm)}; clip only when the norm is strictly greater",
                    _scaled(grads, max_norm / total),
                )
            )
            reasons.append(
                (
                    "an epsilon was added to the norm, which scales the arrays even when "
                    "total_norm <= max_norm; scale by exactly max_norm / total_norm, and only "
                    "when total_norm > max_norm",
                    _scaled(grads, max_norm / (total + 1e-6)),
                )
            )
        for message, hypothesis in reasons:
            if _same(got, hypothesis):
                j.fail(message)
        if total > max_norm:
            _some_left_unscaled(got, grads, expected, j)
        for i, (g, e) in enumerate(zip(got, expected, strict=True)):
            j.close(f"clipped[{i}]", g, e, TOL)


clip_grad_norm = ClipGradNormChecker
