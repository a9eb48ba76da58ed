# expect: failed | so the knots must cover [-pi, pi]
import numpy as np


def sine_params():
    # fits one full period, but on [0, 2 pi] instead of the drill's [-pi, pi]
    knots = np.linspace(0.0, 2 * np.pi, 41)[:-1]
    ends = np.linspace(0.0, 2 * np.pi, 41)
    slopes = np.diff(np.sin(ends)) / np.diff(ends)
    changes = np.concatenate([[slopes[0]], np.diff(slopes)])
    return {
        "W1": np.ones((40, 1)),
        "b1": -knots.reshape(40, 1),
        "W2": changes.reshape(1, 40),
        "b2": np.array([[0.0]]),
    }
