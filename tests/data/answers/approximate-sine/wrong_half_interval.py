# expect: failed | every hidden unit is off
import numpy as np


def sine_params():
    # knots only on [0, pi]: the left half of the interval is extrapolated
    knots = np.linspace(0.0, np.pi, 40)
    vals = np.sin(knots)
    slopes = np.diff(vals) / np.diff(knots)
    jumps = np.concatenate([[slopes[0]], np.diff(slopes)])
    h = jumps.size
    return {"W1": np.ones((h, 1)), "b1": -knots[:-1].reshape(h, 1), "W2": jumps.reshape(1, h), "b2": np.array([[vals[0]]])}
