# expect: failed | so the knots must cover [-pi, pi]
import numpy as np


def sine_params():
    # knots over [0, pi] only: the negative half is extrapolated by the first slope
    knots = np.linspace(0.0, np.pi, 21)
    values = np.sin(knots)
    slopes = np.diff(values) / np.diff(knots)
    changes = np.diff(slopes, prepend=0.0)
    h = slopes.size
    return {"W1": np.ones((h, 1)), "b1": -knots[:-1].reshape(h, 1), "W2": changes.reshape(1, h), "b2": np.array([[0.0]])}
