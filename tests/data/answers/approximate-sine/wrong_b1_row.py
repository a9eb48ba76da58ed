# expect: failed | shape
import numpy as np


def sine_params():
    knots = np.linspace(-np.pi, np.pi, 40)
    vals = np.sin(knots)
    slopes = np.diff(vals) / np.diff(knots)
    jumps = np.concatenate([[slopes[0]], np.diff(slopes)])
    h = jumps.size
    return {"W1": np.ones((h, 1)), "b1": -knots[:-1], "W2": jumps.reshape(1, h), "b2": np.array([[vals[0]]])}
