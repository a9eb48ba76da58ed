# expect: failed | W1 and b1 are swapped
import numpy as np


def sine_params():
    # the knot went into W1 instead of b1: unit i is relu(-k_i * x), a line through 0
    knots = np.linspace(-np.pi, np.pi, 21)
    slopes = np.diff(np.sin(knots)) / np.diff(knots)
    changes = np.diff(slopes, prepend=0.0)
    h = changes.size
    return {"W1": -knots[:-1].reshape(h, 1), "b1": np.ones((h, 1)), "W2": changes.reshape(1, h), "b2": np.array([[0.0]])}
