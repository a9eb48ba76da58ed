# expect: passed | passed all
import math

import numpy as np


def sine_params():
    # uneven knots, closer together where |sin''| = |sin x| is large, built with a loop:
    # each unit switches on at its knot and turns the slope into the next segment's
    # (spacing proportional to 1 + 0.6 cos(2 pi u): smallest at u = +-0.5, x = +-pi/2)
    u = np.linspace(-1.0, 1.0, 31)
    knots = np.pi * u + 0.3 * np.sin(2 * np.pi * u)
    knots[0], knots[-1] = -math.pi, math.pi
    W1, b1, W2 = [], [], []
    previous = 0.0
    for left, right in zip(knots[:-1], knots[1:]):
        slope = (math.sin(right) - math.sin(left)) / (right - left)
        W1.append([1.0])
        b1.append([-left])
        W2.append(slope - previous)
        previous = slope
    return {
        "W1": np.array(W1),
        "b1": np.array(b1),
        "W2": np.array([W2]),
        "b2": np.array([[math.sin(knots[0])]]),
    }
