# expect: failed | the network computes AND, not XOR: on input (0, 1)
import numpy as np


def xor_params():
    # the second unit alone: AND, not XOR
    return {
        "W1": np.array([[1.0, 1.0], [1.0, 1.0]]),
        "b1": np.array([[0.0], [-1.0]]),
        "W2": np.array([[0.0, 1.0]]),
        "b2": np.array([[0.0]]),
    }
