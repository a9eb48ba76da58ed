# expect: passed | passed all
import math

import numpy as np


def sine_params():
    # piecewise-linear interpolation: one ReLU per knot, weighted by the change of slope
    n = 30
    xs = [-math.pi + 2 * math.pi * k / n for k in range(n + 1)]
    slopes = [(math.sin(xs[k + 1]) - math.sin(xs[k])) / (xs[k + 1] - xs[k]) for k in range(n)]
    W1 = np.ones((n, 1))
    b1 = np.array([[-xs[k]] for k in range(n)])
    W2 = np.array([[slopes[0]] + [slopes[k] - slopes[k - 1] for k in range(1, n)]])
    b2 = np.array([[math.sin(xs[0])]])
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
