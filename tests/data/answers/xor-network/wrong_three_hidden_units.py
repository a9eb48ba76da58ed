# expect: failed | W1 has shape (3, 2); expected (2, 2)
import numpy as np


def xor_params():
    # relu(x1) + relu(x2) - 2 relu(x1 + x2 - 1)
    return {
        "W1": np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
        "b1": np.array([[0.0], [0.0], [-1.0]]),
        "W2": np.array([[1.0, 1.0, -2.0]]),
        "b2": np.array([[0.0]]),
    }
