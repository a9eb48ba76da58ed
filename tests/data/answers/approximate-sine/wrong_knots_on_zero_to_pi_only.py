# expect: failed | every hidden unit is off
import numpy as np


def sine_params():
    # "sin is odd, so fit [0, pi]": knots only there, and nothing below 0 where every unit
    # is off and the output is the flat b2 = 0
    t = np.linspace(0.0, np.pi, 21)
    slopes = np.diff(np.sin(t)) / np.diff(t)
    changes = np.concatenate([[slopes[0]], np.diff(slopes)])
    h = len(changes)
    return {
        "W1": np.ones((h, 1)),
        "b1": -t[:-1].reshape(h, 1),
        "W2": changes.reshape(1, h),
        "b2": np.array([[0.0]]),
    }
