# expect: passed | passed
import numpy as np


def xor_params():
    """Integer arrays (np.array of ints): the weights are whole numbers, so why not."""
    return {
        "W1": np.array([[1, 1], [1, 1]]),
        "b1": np.array([[0], [-1]]),
        "W2": np.array([[1, -2]]),
        "b2": np.array([[0]]),
    }
