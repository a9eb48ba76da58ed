# expect: failed | the sine of x read in degrees
import numpy as np


def sine_params():
    # knots in degrees: the units bend at -180..180, far outside [-pi, pi]
    t = np.linspace(-180.0, 180.0, 21)
    y = np.sin(np.radians(t))
    slopes = np.diff(y) / np.diff(t)
    changes = np.concatenate([[slopes[0]], np.diff(slopes)])
    return {
        "W1": np.ones((20, 1)),
        "b1": -t[:-1, None],
        "W2": changes[None, :],
        "b2": np.array([[y[0]]]),
    }
