# expect: failed | each segment's slope is sin's derivative at its left knot
import numpy as np


def sine_params():
    # np.gradient's estimate of sin' at each knot used as the slope of the segment after it,
    # in place of the chord's slope: the pieces no longer meet sin at the knots
    t = np.linspace(-np.pi, np.pi, 21)
    slopes = np.gradient(np.sin(t), t)[:-1]
    changes = np.concatenate([[slopes[0]], np.diff(slopes)])
    h = len(changes)
    return {
        "W1": np.ones((h, 1)),
        "b1": -t[:-1].reshape(h, 1),
        "W2": changes.reshape(1, h),
        "b2": np.array([[np.sin(t[0])]]),
    }
