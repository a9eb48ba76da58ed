# expect: failed | on the four inputs the output is linear: y(0, 0) + y(1, 1) = y(0, 1) + y(1, 0) = 1
import numpy as np


def xor_params():
    return {
        "W1": np.eye(2),
        "b1": np.zeros((2, 1)),
        "W2": np.array([[0.5, 0.5]]),
        "b2": np.array([[0.0]]),
    }
