"""Checkers for the hand-built networks: XOR with 2 hidden units, and sin on [-pi, pi]."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checks import Judgement, fmt
from engine.nn import approx as ref

__all__ = ["approximate_sine", "xor_network"]

GRID_POINTS = 2001


def _params(
    j: Judgement, value: Any, shapes: Mapping[str, tuple[int, ...]]
) -> dict[str, np.ndarray]:
    """The returned dict's arrays, any numeric dtype, with the required shapes."""
    params = j.mapping("the returned dict", value, tuple(shapes))
    return {k: j.array(k, params[k], shape, float64=False) for k, shape in shapes.items()}


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
            j.fail(
                f"on input ({x1}, {x2}) the network outputs {fmt(float(y[0, k]))}, which reads as "
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
            j.fail(f"the network uses {h} hidden units; at most {max_units} are allowed")
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
            j.fail(
                f"max |net(x) - sin(x)| = {err[k]:.3g} >= {tolerance} at x = {x[k]:.4f}: "
                f"expected about {fmt(float(np.sin(x[k])))}, got {fmt(float(y[k]))}",
                expected=fmt(float(np.sin(x[k]))),
                got=fmt(float(y[k])),
                max_abs=float(err[k]),
                tolerance=f"max abs error < {tolerance}",
            )


xor_network = XorChecker
approximate_sine = SineChecker
