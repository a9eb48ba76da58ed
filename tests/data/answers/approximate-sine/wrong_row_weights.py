# expect: failed | expected (h, 1)
import numpy as np


def sine_params():
    t = np.linspace(-np.pi, np.pi, 21)
    slopes = np.diff(np.sin(t)) / np.diff(t)
    changes = np.concatenate([[slopes[0]], np.diff(slopes)])
    h = len(changes)
    return {
        "W1": np.ones((1, h)),
        "b1": -t[:-1].reshape(1, h),
        "W2": changes.reshape(h, 1),
        "b2": np.array([[0.0]]),
    }
