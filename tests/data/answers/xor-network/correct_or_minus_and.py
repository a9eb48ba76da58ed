# expect: passed | passed
import numpy as np


def xor_params():
    # h1 = relu(x1 + x2) counts the ones, h2 = relu(x1 + x2 - 1) is AND; out = h1 - 2 h2 + 0.25
    return {
        "W1": np.full((2, 2), 1.0),
        "b1": np.array([[0.0], [-1.0]]),
        "W2": np.array([[1.0, -2.0]]),
        "b2": np.array([[0.25]]),
    }
