# expect: passed | passed all
import numpy as np


def sine_params():
    # piecewise-linear interpolation of sin at 40 knots: unit k turns on at knot k
    # and adds the change of slope there; the first unit carries the first slope
    knots = np.linspace(-np.pi, np.pi, 41)[:-1]
    ends = np.linspace(-np.pi, np.pi, 41)
    slopes = np.diff(np.sin(ends)) / np.diff(ends)
    changes = np.concatenate([[slopes[0]], np.diff(slopes)])
    return {
        "W1": np.ones((40, 1)),
        "b1": -knots.reshape(40, 1),
        "W2": changes.reshape(1, 40),
        "b2": np.array([[np.sin(-np.pi)]]),
    }
