"""Reference small ReLU networks: XOR with 2 hidden units and a piecewise-linear sine."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

__all__ = ["XOR_INPUTS", "XOR_TARGETS", "forward", "sine_params", "xor_params"]

Array = NDArray[np.float64]

XOR_INPUTS: Array = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])
"""The four XOR inputs as columns."""
XOR_TARGETS: Array = np.array([[0.0, 1.0, 1.0, 0.0]])
"""x1 XOR x2 for each column of XOR_INPUTS."""


def forward(params: Mapping[str, Array], X: Array) -> Array:
    """W2 relu(W1 X + b1) + b2: ReLU hidden layer, linear output."""
    hidden = np.maximum(params["W1"] @ X + params["b1"], 0.0)
    out: Array = params["W2"] @ hidden + params["b2"]
    return out


def xor_params() -> dict[str, Array]:
    """relu(x1 + x2) - 2 relu(x1 + x2 - 1) is 0, 1, 1, 0 on the four inputs."""
    return {
        "W1": np.array([[1.0, 1.0], [1.0, 1.0]]),
        "b1": np.array([[0.0], [-1.0]]),
        "W2": np.array([[1.0, -2.0]]),
        "b2": np.array([[0.0]]),
    }


def sine_params() -> dict[str, Array]:
    """The piecewise-linear interpolant of sin on 24 equal pieces of [-pi, pi].

    Unit i is relu(x - t_i); its output weight is the change of slope at t_i,
    so the sum bends at each knot (max error about h^2 / 8 = 0.009).
    """
    knots = np.linspace(-np.pi, np.pi, 25)
    slopes = np.diff(np.sin(knots)) / np.diff(knots)
    changes = np.diff(slopes, prepend=0.0)
    n = len(changes)
    return {
        "W1": np.ones((n, 1)),
        "b1": -knots[:-1].reshape(n, 1),
        "W2": changes.reshape(1, n),
        "b2": np.array([[np.sin(knots[0])]]),
    }
