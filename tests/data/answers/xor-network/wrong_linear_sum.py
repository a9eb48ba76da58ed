# expect: failed | on input (0, 1)
import numpy as np


def xor_params():
    return {
        "W1": np.eye(2),
        "b1": np.zeros((2, 1)),
        "W2": np.array([[0.5, 0.5]]),
        "b2": np.array([[0.0]]),
    }
