# expect: failed | the network computes OR, not XOR
import numpy as np


def xor_params():
    """out = h1 - h2 with h2 = relu(x1 + x2 - 1): forgets the factor 2 on the AND unit."""
    return {
        "W1": np.array([[1.0, 1.0], [1.0, 1.0]]),
        "b1": np.array([[0.0], [-1.0]]),
        "W2": np.array([[1.0, -1.0]]),
        "b2": np.array([[0.0]]),
    }
