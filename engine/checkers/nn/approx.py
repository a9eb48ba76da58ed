"""Checkers for the hand-built networks: XOR with 2 hidden units, and sin on [-pi, pi]."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checks import Axes, Judgement, fmt
from engine.nn import approx as ref

__all__ = ["approximate_sine", "xor_network"]

GRID_POINTS = 2001


PARAM_AXES: dict[str, Axes] = {
    "W1": (("h", "hidden units"), ("1", "")),  # sin's one input; XOR's (2, 2) never swaps
    "b1": (("h", "hidden units"), ("1", "")),
    "W2": (("1", ""), ("h", "hidden units")),
}
"""What W1's, b1's and W2's rows and columns hold, in both drills' (out, in) layout."""


def _params(
    j: Judgement, value: Any, shapes: Mapping[str, tuple[int, ...]]
) -> dict[str, np.ndarray]:
    """The returned dict's arrays, any numeric dtype, with the required shapes."""
    params = j.mapping("the returned dict", value, tuple(shapes))
    for k, shape in shapes.items():
        _number_as_array(j, k, params[k], shape)
    return {
        k: j.array(k, params[k], shape, float64=False, axes=PARAM_AXES.get(k))
        for k, shape in shapes.items()
    }


def _dead_units(raw: Mapping[str, Any], h: int, max_units: int) -> str:
    """The units that are 0 on all of [-pi, pi] (W1 x + b1 <= 0 at both ends), named where
    leaving them out brings the count within max_units (empty otherwise): a unit for the
    last knot, at pi, is one."""
    w1, b1 = raw.get("W1"), raw.get("b1")
    if not isinstance(w1, np.ndarray) or not isinstance(b1, np.ndarray) or b1.size != h:
        return ""
    with np.errstate(all="ignore"):
        a, b = w1.astype(np.float64).reshape(-1), b1.astype(np.float64).reshape(-1)
        dead = (a * np.pi + b <= 0.0) & (-a * np.pi + b <= 0.0)
    count = int(dead.sum())
    if count == 0 or h - count > max_units:
        return ""
    first = int(np.argmax(dead))
    return (
        f": {count} of them never {'switches' if count == 1 else 'switch'} on in [-pi, pi] (W1 x + b1 <= 0 at both ends; unit "
        f"{first} bends at x = {-b[first] / a[first] if a[first] else float('inf'):.4g}), as a "
        "unit for the last knot at pi does; the last knot ends a segment and needs no unit, "
        "so leave them out"
    )


def _number_as_array(j: Judgement, label: str, value: Any, shape: tuple[int, ...]) -> None:
    """A bare number where a (1, 1) array is asked: say how to wrap it."""
    if (
        shape == (1, 1)
        and isinstance(value, int | float | np.number)
        and not isinstance(value, bool)
    ):
        j.fail(
            f"{label} should be a numpy array of shape (1, 1), got a number "
            f"({type(value).__name__}): the output layer's bias is a (1, 1) array, "
            f"np.array([[{label}]])"
        )


def _taylor(x: np.ndarray, degree: int) -> np.ndarray:
    """sin's Taylor series at 0 up to x**degree (odd)."""
    return sum(
        (
            (-1) ** i * x ** (2 * i + 1) / math.factorial(2 * i + 1)
            for i in range((degree + 1) // 2)
        ),
        np.zeros_like(x),
    )


_TAYLOR_SHOWN = {
    1: "x",
    3: "x - x³/6",
    5: "x - x³/6 + x⁵/120",
    7: "x - x³/6 + x⁵/120 - x⁷/5040",
}
"""The truncated series that miss 0.05 somewhere on [-pi, pi] (from x⁹ on they do not)."""


def _sine_mistake(
    p: Mapping[str, np.ndarray],
    x: np.ndarray,
    y: np.ndarray,
    worst: float,
    k: int,
    tolerance: float,
) -> str:
    """The known mistake behind a network that misses sin (empty when none fits): no unit
    switched on where the error is worst, or a function the network follows instead of sin
    (sin of x in degrees, a Taylor series cut short) closer than half the error to sin."""
    swapped = {**p, "W1": p["b1"], "b1": p["W1"]}
    with np.errstate(all="ignore"):
        z = p["W1"].astype(np.float64) * x[k] + p["b1"].astype(np.float64)
        unswapped = ref.forward(swapped, x.reshape(1, -1))[0]
    if np.max(np.abs(unswapped - np.sin(x))) < tolerance:
        return (
            "W1 and b1 are swapped: the knots went into W1, so each unit is ReLU(-k x + 1), bent "
            "at x = 1/k, not at the knot k, and sloping by -k; ReLU(x - k) needs "
            "W1 = 1 and b1 = -k"
        )
    if np.max(np.abs(ref.forward({**p, "b1": -p["b1"]}, x.reshape(1, -1))[0] - np.sin(x))) < (
        tolerance
    ):
        return (
            "b1 = +knots: a unit ReLU(x + k) bends at x = -k, so every knot is mirrored "
            "and each output weight acts on the far side of sin; ReLU(x - k) needs b1 = -k"
            + (
                " (knots listed from pi down to -pi, np.linspace(np.pi, -np.pi, n), give "
                "these same weights, since sin is odd: the construction runs left to right, "
                "the knots ascending from -pi)"
                if p["b1"].shape[0] > 1 and bool(np.all(np.diff(p["b1"].reshape(-1)) > 0))
                else ""
            )
        )
    if (
        np.max(
            np.abs(
                ref.forward({**p, "W1": -p["W1"], "b1": -p["b1"]}, x.reshape(1, -1))[0] - np.sin(x)
            )
        )
        < tolerance
    ):
        return (
            "the units face left: W1 = -1 with b1 = k makes ReLU(k - x), on to the left of its "
            "knot, but W2 and b2 were built for units on to the right of it, ReLU(x - k) "
            "(W1 = 1, b1 = -k), which start from sin(-pi) at the left end"
        )
    if np.all(z < 0.0):
        return (
            f"at x = {x[k]:.4f} every hidden unit is off (W1 x + b1 < 0 for all of them), so "
            "the network outputs only b2 there: a unit ReLU(x - k) is 0 left of its knot k, "
            "so the knots must cover [-pi, pi], the first at -pi"
        )
    built = _built_from_knots(p, x, y, worst, tolerance)
    if built:
        return built
    candidates = [
        (
            "the network follows sin(x * pi / 180), the sine of x read in degrees, "
            "{fit}: x is in radians, so use np.sin(knots) with the knots on [-pi, pi] "
            "(no np.radians or np.deg2rad)",
            np.sin(np.radians(x)),
        ),
        *(
            (
                f"the network follows sin's Taylor series cut after x^{d}, {shown}, "
                "{fit}: a truncated series is close to sin only near 0 (at ±pi this one is "
                f"off by {abs(_taylor(np.array([np.pi]), d)[0]):.2g}); interpolate sin "
                "itself (np.sin(knots))",
                _taylor(x, d),
            )
            for d, shown in _TAYLOR_SHOWN.items()
        ),
    ]
    for message, target in candidates:
        off = float(np.max(np.abs(y - target)))
        if off < tolerance and off < worst / 2:
            return message.format(fit=f"to within {off:.2g}")
    return ""


def _built_from_knots(
    p: Mapping[str, np.ndarray], x: np.ndarray, y: np.ndarray, worst: float, tolerance: float
) -> str:
    """Mistakes of the card's construction, units ReLU(x - k) with W1 = 1 and b1 = -k:
    output weights that are the slopes, not their changes; b2 off by a constant; knots too
    far apart for linear interpolation (empty when the network is not built that way)."""
    w1 = p["W1"].astype(np.float64).reshape(-1)
    if not np.all(w1 == 1.0):
        return ""
    knots = -p["b1"].astype(np.float64).reshape(-1)
    order = np.argsort(knots, kind="stable")
    w2 = p["W2"].astype(np.float64).reshape(-1)[order]
    b2 = float(p["b2"].reshape(-1)[0])
    sorted_knots = knots[order]

    def fits_sine(b1: np.ndarray, w2_row: np.ndarray) -> bool:
        """Whether the network with these biases and output weights (units in knot order)
        is within tolerance of sin on the case's points."""
        with np.errstate(all="ignore"):
            out = ref.forward(
                {"W1": p["W1"][order], "b1": b1, "W2": w2_row[None, :], "b2": p["b2"]},
                x.reshape(1, -1),
            )[0]
        return bool(np.max(np.abs(out - np.sin(x))) < tolerance)

    if sorted_knots[0] > -np.pi and w2.size > 1:
        # b1 = -knots[1:]: each unit bends where its segment ends, one knot late
        left_ends = np.concatenate([[-np.pi], sorted_knots[:-1]])
        if fits_sine(-left_ends[:, None], w2):
            return (
                "each unit bends at the right end of its segment, one knot late: b1 = "
                "-knots[1:] where the first unit must bend at -pi, b1 = -knots[:-1] (the "
                "knots but the last), so that unit i switches on where segment i starts"
            )
    if fits_sine(p["b1"][order], np.diff(w2, prepend=0.0)):
        return (
            "W2 holds each segment's slope; a unit's output weight must be the change of "
            "slope at its knot (the first slope itself for the first unit), "
            "np.diff(slopes, prepend=0.0), since every unit to the left is still on"
        )
    ends = np.concatenate([knots[order], [np.pi]])
    with np.errstate(all="ignore"):
        slopes = np.diff(np.sin(ends)) / np.diff(ends)
    meant = np.diff(slopes, prepend=0.0)
    if w2.size > 1 and np.allclose(w2[:-1], meant[1:], rtol=1e-6, atol=1e-9):
        return (
            "W2 is shifted by one unit: unit i holds the change of slope at the next knot, so "
            f"the first unit's weight, the first segment's slope ({fmt(float(meant[0]))}), is "
            "lost and the last unit's is left over; np.diff(slopes, prepend=0.0) puts "
            "slopes[0] first"
        )
    rises = np.diff(np.sin(ends))
    if np.allclose(w2, np.diff(rises, prepend=0.0), rtol=1e-6, atol=1e-9):
        return (
            "W2 holds the changes of each segment's rise sin(k[i+1]) - sin(k[i]), not "
            "divided by the segment's width: a slope is rise over width, "
            "np.diff(np.sin(ends)) / np.diff(ends)"
        )
    tangent = _tangent_slopes(knots[order], np.cumsum(w2))
    if tangent:
        return tangent
    shift = y - np.sin(x)
    c = float(np.median(shift))
    if abs(c) >= tolerance and np.max(np.abs(shift - c)) < tolerance:
        return (
            f"net(x) - sin(x) is about {c:.3g} everywhere: the shape is right and the output "
            f"bias is off (b2 = {b2:.4g}); b2 is the network's value left of every knot, "
            "sin(-pi) = 0 when the first knot is at -pi"
        )
    inside = (x >= knots.min()) & (x <= np.pi)
    ends = np.unique(np.concatenate([knots[knots <= np.pi], [np.pi]]))
    if ends.size < 2 or not inside.any():
        return ""
    interpolant = np.interp(x[inside], ends, np.sin(ends))
    if np.max(np.abs(y[inside] - interpolant)) < worst / 10:
        widest = float(np.max(np.diff(ends)))
        return (
            "the network interpolates sin linearly, but its knots are too far apart: on a "
            f"segment of width d linear interpolation misses by up to d²/8, and the widest "
            f"here is {widest:.3g}; about 20 equal segments on [-pi, pi] keep the error near 0.012"
        )
    return ""


def _tangent_slopes(knots: np.ndarray, slopes: np.ndarray) -> str:
    """Segments whose slopes are sin's derivative at their left knots, cos(k) or np.gradient's
    estimate of it, in place of the chords between neighbouring knots (empty otherwise)."""
    if knots.size < 2 or np.any(np.diff(knots) <= 0.0):
        return ""
    ends = np.concatenate([knots, [np.pi]]) if knots[-1] < np.pi else knots
    estimates = [np.cos(knots)]
    for points in (ends, knots):
        for edge in (1, 2) if points.size > 2 else (1,):
            estimates.append(np.gradient(np.sin(points), points, edge_order=edge)[: knots.size])
    for estimate in estimates:
        if estimate.size == slopes.size and np.allclose(slopes, estimate, rtol=1e-6, atol=1e-9):
            return (
                "each segment's slope is sin's derivative at its left knot (np.gradient of "
                "sin at the knots, or cos(k)), not the chord to the next knot: a tangent's "
                "slope is off the chord's by up to about half the segment's width, the "
                "network starts each segment where the last one ended, and the errors add "
                "up along [-pi, pi]; the chord's slope is "
                "(sin(k[i+1]) - sin(k[i])) / (k[i+1] - k[i]), np.diff(np.sin(ends)) / "
                "np.diff(ends)"
            )
    return ""


_TRUTH_TABLES: dict[tuple[int, ...], str] = {
    (0, 0, 0, 1): "AND",
    (0, 1, 1, 1): "OR",
    (1, 1, 1, 0): "NAND",
    (1, 0, 0, 0): "NOR",
    (1, 0, 0, 1): "XNOR, XOR upside down",
    (0, 0, 0, 0): "0 for every input",
    (1, 1, 1, 1): "1 for every input",
    (0, 0, 1, 1): "x1 alone",
    (0, 1, 0, 1): "x2 alone",
}
"""What a network reads as on (0, 0), (0, 1), (1, 0), (1, 1), when it is a function's name."""


_UNIT_PARTS = {"b1": "hidden biases", "W2": "output weights"}
"""What a key of the XOR network holds, one entry per hidden unit."""


def _reads_as_xor(p: Mapping[str, np.ndarray], sigmoid: bool = False) -> bool:
    """True when these weights' predictions are XOR's, with the drill's ReLU units and
    linear output or, with `sigmoid`, with sigmoid units and a sigmoid output."""
    with np.errstate(all="ignore"):
        if not sigmoid:
            y = ref.forward(p, ref.XOR_INPUTS)
        else:
            hidden = 1.0 / (1.0 + np.exp(-(p["W1"] @ ref.XOR_INPUTS + p["b1"])))
            y = 1.0 / (1.0 + np.exp(-(p["W2"] @ hidden + p["b2"])))
    return bool(np.array_equal((y > 0.5) * 1.0, ref.XOR_TARGETS))


def _xor_mistake(p: Mapping[str, np.ndarray], y: np.ndarray, predicted: np.ndarray) -> str:
    """The known mistake behind weights that do not compute XOR (empty when none fits)."""
    y00, y01, y10, y11 = (float(v) for v in y[0])
    ones, zeros = (y01, y10), (y00, y11)
    if _reads_as_xor(p, sigmoid=True):
        return (
            "these weights compute XOR with sigmoid units and a sigmoid output, the textbook "
            "construction, but here the hidden units are ReLU (unbounded, not steps) and the "
            "output is linear, read as 1 above 0.5"
        )
    for key, flipped in (("W2", p["W2"][:, ::-1]), ("b1", p["b1"][::-1])):
        if _reads_as_xor({**p, key: flipped}):
            return (
                f"the {_UNIT_PARTS[key]} are in the other order: unit i is W1's row i, b1[i] "
                f"and W2[0, i], and with {key} reversed the network computes XOR"
            )
    in_order = min(ones) > max(zeros)
    for key, role in (
        ("b1", "the hidden biases have"),
        ("W2", "the output weights have"),
        ("b2", "the output bias has"),
    ):
        # outputs already in order (XOR - 0.5 from b2 = -0.5, say) need b2 moved, and the
        # message below says by how much; a negated b2 reads as XOR there only by chance
        if key == "b2" and in_order:
            continue
        if _reads_as_xor({**p, key: -p[key]}):
            return f"{role} the wrong sign: with {key} negated the network computes XOR" + (
                " (a unit ReLU(w x + b) turns on where w x > -b, so the unit that should "
                "switch on only at (1, 1) needs a negative bias)"
                if key == "b1"
                else ""
            )
    if math.isclose(y00 + y11, y01 + y10, rel_tol=1e-9, abs_tol=1e-9):
        return (
            f"on the four inputs the output is linear: y(0, 0) + y(1, 1) = y(0, 1) + y(1, 0) "
            f"= {fmt(y00 + y11)}, and no threshold turns that into XOR, whose 1-inputs must "
            "both be above its 0-inputs; a hidden unit must bend between the inputs, as "
            "ReLU(x1 + x2 - 1) does, which is 0 except at (1, 1)"
        )
    if max(ones) < min(zeros):
        return (
            "the output is upside down: the 0-inputs (0, 0) and (1, 1) give more than the "
            "1-inputs; negate W2 and b2, then place b2 so that 0.5 falls between them"
        )
    if min(ones) > max(zeros):
        middle = (min(ones) + max(zeros)) / 2
        return (
            f"the outputs are in the right order (the 1-inputs give {fmt(min(ones))} or more, "
            f"the 0-inputs {fmt(max(zeros))} or less), but 0.5 does not fall between them and "
            f"> 0.5 means 1: move b2 by {fmt(0.5 - middle)} so it does"
        )
    name = _TRUTH_TABLES.get(tuple(int(v) for v in predicted[0]))
    return f"the network computes {name}, not XOR" if name else ""


class XorChecker(NNChecker):
    """xor_params(): ReLU hidden layer, linear output, output > 0.5 means 1."""

    name = "nn.approx.xor_network"
    entries = ("xor_params",)

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"xor_params": ref.xor_params}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        return [
            Case(
                "case 1: the four XOR inputs",
                call_inputs("xor_params"),
                "X = [[0, 0, 1, 1], [0, 1, 0, 1]] (columns are inputs)",
            )
        ]

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        p = _params(j, outputs.get("out"), {"W1": (2, 2), "b1": (2, 1), "W2": (1, 2), "b2": (1, 1)})
        with np.errstate(all="ignore"):
            y = ref.forward(p, ref.XOR_INPUTS)
        if not np.all(np.isfinite(y)):
            j.fail("the network's output is not finite")
        predicted = (y > 0.5) * 1.0
        wrong = np.nonzero(predicted[0] != ref.XOR_TARGETS[0])[0]
        if wrong.size:
            k = int(wrong[0])
            x1, x2 = (int(v) for v in ref.XOR_INPUTS[:, k])
            target = int(ref.XOR_TARGETS[0, k])
            reason = _xor_mistake(p, y, predicted)
            j.fail(
                (f"{reason}: " if reason else "")
                + f"on input ({x1}, {x2}) the network outputs {fmt(float(y[0, k]))}, which reads as "
                f"{int(predicted[0, k])} (> 0.5 means 1), but {x1} XOR {x2} = {target}"
                + (f"; {wrong.size} of the 4 inputs are wrong" if wrong.size > 1 else ""),
                expected=str(target),
                got=fmt(float(y[0, k])),
            )


class SineChecker(NNChecker):
    """sine_params(): one hidden ReLU layer of at most `max_units`, max error < `tolerance`."""

    name = "nn.approx.approximate_sine"
    entries = ("sine_params",)

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"sine_params": ref.sine_params}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        max_units = int(params.get("max_units", 50))
        tolerance = float(params.get("tolerance", 0.05))
        grid = np.linspace(-np.pi, np.pi, GRID_POINTS)
        random_points = np.sort(rng.uniform(-np.pi, np.pi, size=1000))
        private = {"max_units": max_units, "tolerance": tolerance}
        return [
            Case(
                f"case 1: a grid of {GRID_POINTS} points on [-pi, pi]",
                call_inputs("sine_params"),
                f"at most {max_units} hidden units; max |net(x) - sin(x)| < {tolerance}",
                private={**private, "x": grid},
            ),
            Case(
                "case 2: 1000 random points in [-pi, pi]",
                call_inputs("sine_params"),
                f"at most {max_units} hidden units; max |net(x) - sin(x)| < {tolerance}",
                private={**private, "x": random_points},
            ),
        ]

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        max_units, tolerance = case.private["max_units"], case.private["tolerance"]
        raw = j.mapping("the returned dict", outputs.get("out"), ("W1", "b1", "W2", "b2"))
        w1 = j.array("W1", raw["W1"], float64=False)
        if w1.ndim != 2 or w1.shape[1] != 1:
            j.fail(f"W1 has shape {w1.shape}; expected (h, 1) for one input and h hidden units")
        h = w1.shape[0]
        if h > max_units:
            j.fail(
                f"the network uses {h} hidden units; at most {max_units} are allowed"
                + _dead_units(raw, h, max_units)
            )
        p = _params(j, raw, {"W1": (h, 1), "b1": (h, 1), "W2": (1, h), "b2": (1, 1)})
        x = case.private["x"]
        with np.errstate(all="ignore"):
            y = ref.forward(p, x.reshape(1, -1))[0]
        err = np.abs(y - np.sin(x))
        if not np.all(np.isfinite(err)):
            j.fail("the network's output is not finite somewhere on [-pi, pi]")
        k = int(np.argmax(err))
        j.max_abs = float(err[k])
        j.tolerances.append(f"max |net(x) - sin(x)| < {tolerance}")
        if err[k] >= tolerance:
            reason = _sine_mistake(p, x, y, float(err[k]), int(k), tolerance)
            j.fail(
                (f"{reason}: " if reason else "")
                + f"max |net(x) - sin(x)| = {err[k]:.3g} >= {tolerance} at x = {x[k]:.4f}: "
                f"expected about {fmt(float(np.sin(x[k])))}, got {fmt(float(y[k]))}",
                expected=fmt(float(np.sin(x[k]))),
                got=fmt(float(y[k])),
                max_abs=float(err[k]),
                tolerance=f"max abs error < {tolerance}",
            )


xor_network = XorChecker
approximate_sine = SineChecker
