# expect: passed | passed all
import numpy as np


def sine_params():
    # piecewise-linear interpolation of sin through 21 knots: unit i is relu(x - t_i)
    # and its output weight is the change of slope at t_i
    t = np.linspace(-np.pi, np.pi, 21)
    slopes = np.diff(np.sin(t)) / np.diff(t)
    changes = np.concatenate([[slopes[0]], np.diff(slopes)])
    h = len(changes)
    return {
        "W1": np.ones((h, 1)),
        "b1": -t[:-1].reshape(h, 1),
        "W2": changes.reshape(1, h),
        "b2": np.array([[np.sin(t[0])]]),
    }
