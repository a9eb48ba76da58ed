# expect: failed | the hidden biases are in the other order
import numpy as np


def xor_params():
    # unit 1 is ReLU(x1 + x2), unit 2 is twice AND, ReLU(2 x1 + 2 x2 - 2); the biases were
    # written AND first
    return {
        "W1": np.array([[1.0, 1.0], [2.0, 2.0]]),
        "b1": np.array([[-2.0], [0.0]]),
        "W2": np.array([[1.0, -1.0]]),
        "b2": np.array([[0.0]]),
    }
