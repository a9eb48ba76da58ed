# expect: failed | its knots are too far apart
import numpy as np


def sine_params():
    t = np.linspace(-np.pi, np.pi, 4)
    slopes = np.diff(np.sin(t)) / np.diff(t)
    changes = np.concatenate([[slopes[0]], np.diff(slopes)])
    h = len(changes)
    return {
        "W1": np.ones((h, 1)),
        "b1": -t[:-1].reshape(h, 1),
        "W2": changes.reshape(1, h),
        "b2": np.array([[0.0]]),
    }
