# expect: failed | each segment's slope is sin's derivative at its left knot
import numpy as np


def sine_params():
    # the exact derivative cos(k) at each segment's left end taken as its slope
    knots = np.linspace(-np.pi, np.pi, 31)[:-1]
    slopes = np.cos(knots)
    return {
        "W1": np.ones((knots.size, 1)),
        "b1": -knots.reshape(-1, 1),
        "W2": np.diff(slopes, prepend=0.0).reshape(1, -1),
        "b2": np.array([[0.0]]),
    }
