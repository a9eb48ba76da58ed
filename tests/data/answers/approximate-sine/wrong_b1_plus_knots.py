# expect: failed | b1 = +knots
import numpy as np


def sine_params():
    knots = np.linspace(-np.pi, np.pi, 21)[:-1]
    ends = np.append(knots, np.pi)
    slopes = np.diff(np.sin(ends)) / np.diff(ends)
    h = knots.size
    return {
        "W1": np.ones((h, 1)),
        "b1": knots.reshape(h, 1),
        "W2": np.diff(slopes, prepend=0.0).reshape(1, h),
        "b2": np.zeros((1, 1)),
    }
