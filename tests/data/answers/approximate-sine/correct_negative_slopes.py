# expect: passed | passed
import numpy as np


def sine_params():
    # units relu(t_i - x) open to the left, summed from the right end: the mirror construction
    t = np.linspace(-np.pi, np.pi, 31)
    y = np.sin(t)
    slopes = np.diff(y) / np.diff(t)  # slope on [t_i, t_i+1]
    # f(x) = y[-1] + sum_i c_i relu(t_i - x) for i = 1..30 (knots t_1..t_30)
    c = np.empty(30)
    c[-1] = -slopes[-1]
    c[:-1] = -(slopes[:-1] - slopes[1:])
    return {
        "W1": -np.ones((30, 1)),
        "b1": t[1:, None],
        "W2": c[None, :],
        "b2": np.array([[y[-1]]]),
    }
