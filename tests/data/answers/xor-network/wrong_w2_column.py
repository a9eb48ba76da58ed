# expect: failed | W2 has shape (2, 1); expected (1, 2)
import numpy as np


def xor_params():
    return {
        "W1": np.array([[1.0, -1.0], [-1.0, 1.0]]),
        "b1": np.zeros((2, 1)),
        "W2": np.array([[1.0], [1.0]]),  # (2, 1): W2 is (n_out, n_in) = (1, 2)
        "b2": np.zeros((1, 1)),
    }
