# expect: passed | passed
import numpy as np


def sine_params():
    n = 24
    d = 2 * np.pi / n
    knots = -np.pi + d * np.arange(n)
    values = np.sin(np.append(knots, np.pi))
    first = (values[1] - values[0]) / d
    bends = (values[2:] - 2 * values[1:-1] + values[:-2]) / d
    return {
        "W1": np.ones((n, 1)),
        "b1": -knots[:, None],
        "W2": np.concatenate([[first], bends])[None, :],
        "b2": np.array([[values[0]]]),
    }
