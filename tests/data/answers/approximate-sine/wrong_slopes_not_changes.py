# expect: failed | W2 holds each segment's slope
import numpy as np


def sine_params():
    # each unit's output weight is the segment's slope, not the change of slope at its knot
    knots = np.linspace(-np.pi, np.pi, 21)
    slopes = np.diff(np.sin(knots)) / np.diff(knots)
    h = slopes.size
    return {"W1": np.ones((h, 1)), "b1": -knots[:-1].reshape(h, 1), "W2": slopes.reshape(1, h), "b2": np.array([[np.sin(knots[0])]])}
