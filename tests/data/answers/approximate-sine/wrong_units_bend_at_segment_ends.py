# expect: failed | each unit bends at the right end of its segment, one knot late
import numpy as np


def sine_params():
    knots = np.linspace(-np.pi, np.pi, 21)
    slope = np.diff(np.sin(knots)) / np.diff(knots)
    # one unit per segment, but placed at the segment's end knot instead of its start
    return {
        "W1": np.ones((20, 1)),
        "b1": -knots[1:].reshape(-1, 1),
        "W2": np.diff(slope, prepend=0.0).reshape(1, -1),
        "b2": np.array([[np.sin(knots[0])]]),
    }
