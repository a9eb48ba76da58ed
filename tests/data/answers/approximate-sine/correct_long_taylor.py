# expect: passed | passed all
import math

import numpy as np


def sine_params():
    # a Taylor series is fine when it is long enough: to x^13 it is within 1e-4 of sin on [-pi, pi]
    knots = np.linspace(-np.pi, np.pi, 25)
    values = sum((-1) ** i * knots ** (2 * i + 1) / math.factorial(2 * i + 1) for i in range(7))
    slopes = np.diff(values) / np.diff(knots)
    h = slopes.size
    return {
        "W1": np.ones((h, 1)),
        "b1": -knots[:-1].reshape(h, 1),
        "W2": np.diff(slopes, prepend=0.0).reshape(1, h),
        "b2": np.array([[values[0]]]),
    }
