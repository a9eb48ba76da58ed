# expect: passed | passed
import numpy as np


def sine_params():
    # ReLU(a * (x - k)) = a * ReLU(x - k) for a > 0: each unit gets its own input scale, and
    # its output weight is divided by that scale, so the network is the same interpolant
    knots = np.linspace(-np.pi, np.pi, 25)
    slopes = np.diff(np.sin(knots)) / np.diff(knots)
    change = np.diff(slopes, prepend=0.0)
    scale = np.linspace(0.5, 3.0, change.size)
    return {
        "W1": scale[:, None],
        "b1": (-scale * knots[:-1])[:, None],
        "W2": (change / scale)[None, :],
        "b2": np.full((1, 1), np.sin(knots[0])),
    }
