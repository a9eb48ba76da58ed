# expect: passed | passed
import numpy as np


def sine_params():
    # piecewise-linear interpolation of sin at 40 knots: f(x) = sin(x0) + sum_k slope jumps * relu(x - x_k)
    knots = np.linspace(-np.pi, np.pi, 40)
    vals = np.sin(knots)
    slopes = np.diff(vals) / np.diff(knots)
    jumps = np.concatenate([[slopes[0]], np.diff(slopes)])
    h = jumps.size
    W1 = np.ones((h, 1))
    b1 = -knots[:-1].reshape(h, 1)
    W2 = jumps.reshape(1, h)
    b2 = np.array([[vals[0]]])
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
