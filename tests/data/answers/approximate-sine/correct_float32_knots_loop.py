# expect: passed | passed all
import math

import numpy as np


def sine_params():
    # built in float32 with a plain loop over 30 segments: 7 digits are plenty for 0.05
    n = 30
    knots = [-math.pi + 2 * math.pi * i / n for i in range(n + 1)]
    W1 = np.ones((n, 1), dtype=np.float32)
    b1 = np.zeros((n, 1), dtype=np.float32)
    W2 = np.zeros((1, n), dtype=np.float32)
    previous = 0.0
    for i in range(n):
        slope = (math.sin(knots[i + 1]) - math.sin(knots[i])) / (knots[i + 1] - knots[i])
        b1[i, 0] = -knots[i]
        W2[0, i] = slope - previous
        previous = slope
    return {"W1": W1, "b1": b1, "W2": W2, "b2": np.array([[math.sin(knots[0])]], dtype=np.float32)}
