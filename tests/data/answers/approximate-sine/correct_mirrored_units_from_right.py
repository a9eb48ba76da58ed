# expect: passed | passed all
import numpy as np


def sine_params():
    # interpolate sin through 25 knots with units that open to the left, relu(t_i - x):
    # pinned at the right end (b2 = sin(pi)), each unit's weight is the slope change at t_i
    t = np.linspace(-np.pi, np.pi, 25)
    slopes = np.diff(np.sin(t)) / np.diff(t)
    k = len(slopes)
    c = np.empty(k)
    c[-1] = -slopes[-1]
    c[:-1] = slopes[1:] - slopes[:-1]
    return {
        "W1": -np.ones((k, 1)),
        "b1": t[1:].reshape(k, 1),
        "W2": c.reshape(1, k),
        "b2": np.array([[np.sin(t[-1])]]),
    }
