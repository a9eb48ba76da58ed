# expect: failed | the network follows sin's Taylor series cut after x^3, x - x³/6
import numpy as np


def sine_params():
    # "sin x is about x - x^3/6": true near 0, used here over the whole of [-pi, pi]
    knots = np.linspace(-np.pi, np.pi, 31)
    values = knots - knots**3 / 6
    slopes = np.diff(values) / np.diff(knots)
    h = slopes.size
    return {
        "W1": np.ones((h, 1)),
        "b1": -knots[:-1].reshape(h, 1),
        "W2": np.diff(slopes, prepend=0.0).reshape(1, h),
        "b2": np.array([[values[0]]]),
    }
