"""A correct solution for the approximate-sine drill: piecewise-linear interpolation."""

import numpy as np


def sine_params():
    """20 ReLU units, one per knot: each adds the change of slope at its knot."""
    knots = np.linspace(-np.pi, np.pi, 21)
    values = np.sin(knots)
    slopes = np.diff(values) / np.diff(knots)  # slope of each of the 20 segments
    changes = np.diff(slopes, prepend=0.0)  # first unit starts the first slope
    h = slopes.size
    return {
        "W1": np.ones((h, 1)),
        "b1": -knots[:-1].reshape(h, 1),
        "W2": changes.reshape(1, h),
        "b2": np.array([[values[0]]]),
    }
