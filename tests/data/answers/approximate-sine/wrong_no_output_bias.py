# expect: failed | the shape is right and the output bias is off (b2 = 0.1)
import numpy as np


def sine_params():
    t = np.linspace(-np.pi, np.pi, 21)
    slopes = np.diff(np.sin(t)) / np.diff(t)
    changes = np.concatenate([[slopes[0]], np.diff(slopes)])
    return {
        "W1": np.ones((20, 1)),
        "b1": -t[:-1, None],
        "W2": changes[None, :],
        "b2": np.zeros((1, 1)) + 0.1,  # "a small bias": the start value sin(-pi) = 0 is exact
    }
