# expect: failed | W2 is shifted by one unit
import numpy as np


def sine_params():
    # off by one: unit i gets the change of slope at knot i + 1, and the first slope is lost
    knots = np.linspace(-np.pi, np.pi, 21)
    slopes = np.diff(np.sin(knots)) / np.diff(knots)
    changes = np.diff(slopes, append=slopes[-1])
    h = changes.size
    return {"W1": np.ones((h, 1)), "b1": -knots[:-1].reshape(h, 1), "W2": changes.reshape(1, h), "b2": np.array([[0.0]])}
