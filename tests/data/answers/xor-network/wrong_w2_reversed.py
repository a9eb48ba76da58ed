# expect: failed | the output weights are in the other order
import numpy as np


def xor_params():
    # unit 1 is ReLU(x1 + x2), unit 2 is ReLU(x1 + x2 - 1); the -2 belongs to unit 2
    return {
        "W1": np.array([[1.0, 1.0], [1.0, 1.0]]),
        "b1": np.array([[0.0], [-1.0]]),
        "W2": np.array([[-2.0, 1.0]]),
        "b2": np.array([[0.0]]),
    }
