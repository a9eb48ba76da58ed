# expect: failed | W1 has shape (1, 20); expected (h, 1)
import numpy as np


def sine_params():
    knots = np.linspace(-np.pi, np.pi, 21)
    values = np.sin(knots)
    slopes = np.diff(values) / np.diff(knots)
    changes = np.diff(slopes, prepend=0.0)
    h = slopes.size
    return {"W1": np.ones((1, h)), "b1": -knots[:-1].reshape(h, 1), "W2": changes.reshape(1, h), "b2": np.array([[values[0]]])}
