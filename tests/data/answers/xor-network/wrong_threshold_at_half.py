# expect: failed | the network computes 0 for every input
import numpy as np


def xor_params():
    # second unit's threshold at 0.5 instead of 1: at (1, 1) it gives 2 - 2 * 1.5 = -1
    return {
        "W1": np.array([[1.0, 1.0], [1.0, 1.0]]),
        "b1": np.array([[0.0], [-0.5]]),
        "W2": np.array([[1.0, -2.0]]),
        "b2": np.array([[0.0]]),
    }
