# expect: passed | passed
import numpy as np


def xor_params():
    # units bend half a step early: ReLU(x1 + x2 - 0.5) and ReLU(x1 + x2 - 1.5)
    return {
        "W1": np.ones((2, 2)),
        "b1": np.array([[-0.5], [-1.5]]),
        "W2": np.array([[2.0, -6.0]]),
        "b2": np.zeros((1, 1)),
    }
