# expect: failed | knots listed from pi down to -pi, np.linspace(np.pi, -np.pi, n), give these same weights
import numpy as np


def sine_params():
    # the knots walked from the right end: the same formulas, the knots descending
    knots = np.linspace(np.pi, -np.pi, 21)
    slope = np.diff(np.sin(knots)) / np.diff(knots)
    return {
        "W1": np.ones((20, 1)),
        "b1": -knots[:-1, None],
        "W2": np.diff(slope, prepend=0.0)[None, :],
        "b2": np.array([[np.sin(knots[0])]]),
    }
