# expect: failed | b1 = +knots: a unit ReLU(x + k) bends at x = -k
import numpy as np


def sine_params():
    """Interpolation through 21 knots, the knots given to b1 with their own sign:
    relu(x + t_i) instead of relu(x - t_i)."""
    t = np.linspace(-np.pi, np.pi, 21)
    slopes = np.diff(np.sin(t)) / np.diff(t)
    changes = np.diff(slopes, prepend=0.0)
    h = slopes.size
    return {
        "W1": np.ones((h, 1)),
        "b1": t[:-1].reshape(h, 1),
        "W2": changes.reshape(1, h),
        "b2": np.array([[np.sin(t[0])]]),
    }
