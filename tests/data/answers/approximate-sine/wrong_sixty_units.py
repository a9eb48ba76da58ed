# expect: failed | the network uses 60 hidden units; at most 50 are allowed
import numpy as np


def sine_params():
    knots = np.linspace(-np.pi, np.pi, 61)
    values = np.sin(knots)
    slopes = np.diff(values) / np.diff(knots)
    changes = np.diff(slopes, prepend=0.0)
    h = slopes.size
    return {"W1": np.ones((h, 1)), "b1": -knots[:-1].reshape(h, 1), "W2": changes.reshape(1, h), "b2": np.array([[values[0]]])}
