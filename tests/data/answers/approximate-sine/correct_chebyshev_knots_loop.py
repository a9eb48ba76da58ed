# expect: passed | passed all
import math

import numpy as np


def sine_params():
    """Knots denser near the ends (Chebyshev-like spacing), slopes changed one unit at a time."""
    n = 24
    knots = [-math.pi * math.cos(math.pi * k / n) for k in range(n + 1)]
    w1, b1, w2 = [], [], []
    previous = 0.0
    for a, b in zip(knots[:-1], knots[1:]):
        slope = (math.sin(b) - math.sin(a)) / (b - a)
        w1.append([1.0])
        b1.append([-a])
        w2.append(slope - previous)
        previous = slope
    return {
        "W1": np.array(w1),
        "b1": np.array(b1),
        "W2": np.array([w2]),
        "b2": np.array([[math.sin(knots[0])]]),
    }
