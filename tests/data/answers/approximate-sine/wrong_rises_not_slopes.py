# expect: failed | not divided by the segment's width
import numpy as np


def sine_params():
    knots = np.linspace(-np.pi, np.pi, 21)[:-1]
    ends = np.append(knots, np.pi)
    rises = np.diff(np.sin(ends))
    h = knots.size
    return {
        "W1": np.ones((h, 1)),
        "b1": -knots.reshape(h, 1),
        "W2": np.diff(rises, prepend=0.0).reshape(1, h),
        "b2": np.zeros((1, 1)),
    }
