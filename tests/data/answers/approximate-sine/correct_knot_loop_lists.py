# expect: passed | passed all
import math

import numpy as np


def sine_params():
    n = 24
    xs = [-math.pi + 2 * math.pi * k / n for k in range(n + 1)]
    ys = [math.sin(x) for x in xs]
    W1, b1, W2 = [], [], []
    previous = 0.0
    for k in range(n):
        slope = (ys[k + 1] - ys[k]) / (xs[k + 1] - xs[k])
        W1.append([1.0])
        b1.append([-xs[k]])
        W2.append(slope - previous)
        previous = slope
    return {
        "W1": np.array(W1),
        "b1": np.array(b1),
        "W2": np.array([W2]),
        "b2": np.array([[ys[0]]]),
    }
