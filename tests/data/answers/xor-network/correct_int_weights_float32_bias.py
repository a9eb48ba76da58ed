# expect: passed | passed all
import numpy as np


def xor_params():
    # integer weights and float32 biases: the card allows any numeric dtype for the weights
    return {
        "W1": np.array([[1, 1], [1, 1]]),
        "b1": np.array([[0.0], [-1.0]], dtype=np.float32),
        "W2": np.array([[1, -2]]),
        "b2": np.zeros((1, 1), dtype=np.float32),
    }
