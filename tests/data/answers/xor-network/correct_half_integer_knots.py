# expect: passed | passed all
import numpy as np


def xor_params():
    # s = x1 + x2 in {0, 1, 2}: 2 relu(s - 0.5) - 6 relu(s - 1.5) gives 0, 1, 0
    return {
        "W1": np.array([[1.0, 1.0], [1.0, 1.0]]),
        "b1": np.array([[-0.5], [-1.5]]),
        "W2": np.array([[2.0, -6.0]]),
        "b2": np.array([[0.0]]),
    }
