# expect: failed | the output is linear: y(0, 0) + y(1, 1) = y(0, 1) + y(1, 0) = 2
import numpy as np


def xor_params():
    return {
        "W1": np.array([[1.0, 1.0], [0.0, 0.0]]),
        "b1": np.array([[0.0], [0.0]]),
        "W2": np.array([[1.0, 0.0]]),
        "b2": np.array([[0.0]]),
    }
