# expect: passed | passed all
import numpy as np


def xor_params():
    # relu(x1 - x2) + relu(x2 - x1) = |x1 - x2|; integer arrays are fine
    return {
        "W1": np.array([[1, -1], [-1, 1]]),
        "b1": np.zeros((2, 1)),
        "W2": np.array([[1, 1]]),
        "b2": np.zeros((1, 1)),
    }
