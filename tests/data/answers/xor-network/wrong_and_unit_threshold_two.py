# expect: failed | on the four inputs the output is linear
import numpy as np


def xor_params():
    # the AND unit's bias set to -2, "both inputs are on": relu(t - 2) is 0 even at (1, 1),
    # so the output is just t = x1 + x2
    return {
        "W1": np.ones((2, 2)),
        "b1": np.array([[0.0], [-2.0]]),
        "W2": np.array([[1.0, -2.0]]),
        "b2": np.array([[0.0]]),
    }
