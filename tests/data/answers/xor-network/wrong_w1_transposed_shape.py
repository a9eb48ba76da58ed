# expect: failed | W1 has shape (2, 3); expected (2, 2)
import numpy as np


def xor_params():
    return {
        "W1": np.array([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]),
        "b1": np.array([[0.0], [-1.0], [0.0]]),
        "W2": np.array([[1.0, -2.0, 0.0]]),
        "b2": np.array([[0.0]]),
    }
