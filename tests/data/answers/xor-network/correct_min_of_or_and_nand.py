# expect: passed | passed all
import numpy as np


def xor_params():
    # h1 = relu(x1 - x2), h2 = relu(x2 - x1): xor = h1 + h2 on {0, 1} inputs
    return {
        "W1": np.array([[1.0, -1.0], [-1.0, 1.0]]),
        "b1": np.zeros((2, 1)),
        "W2": np.array([[1.0, 1.0]]),
        "b2": np.zeros((1, 1)),
    }
