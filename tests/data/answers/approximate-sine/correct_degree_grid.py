# expect: passed | passed all
import numpy as np


def sine_params():
    # knots laid out in degrees, converted to radians once, before anything uses them
    degrees = np.arange(-180.0, 181.0, 15.0)
    knots = np.deg2rad(degrees)
    slopes = np.diff(np.sin(knots)) / np.diff(knots)
    h = slopes.size
    changes = slopes.copy()
    changes[1:] -= slopes[:-1]
    return {
        "W1": np.ones((h, 1)),
        "b1": -knots[:-1, None],
        "W2": changes[None, :],
        "b2": np.full((1, 1), np.sin(knots[0])),
    }
