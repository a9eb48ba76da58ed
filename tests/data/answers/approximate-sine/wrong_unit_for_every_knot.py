# expect: failed | 1 of them never switches on in [-pi, pi]
import numpy as np


def sine_params():
    # 50 segments, and a unit at each of the 51 knots: the slope changes, with the final
    # slope switched off at the last knot
    knots = np.linspace(-np.pi, np.pi, 51)
    slope = np.diff(np.sin(knots)) / np.diff(knots)
    w2 = np.diff(np.concatenate([[0.0], slope, [0.0]]))
    return {
        "W1": np.ones((51, 1)),
        "b1": -knots[:, None],
        "W2": w2[None, :],
        "b2": np.array([[np.sin(knots[0])]]),
    }
