# expect: failed | on the four inputs the output is linear: y(0, 0) + y(1, 1) = y(0, 1) + y(1, 0) = -2
import numpy as np


def xor_params():
    # without the -1 bias both units compute relu(x1 + x2): the output is -(x1 + x2)
    return {
        "W1": np.ones((2, 2)),
        "b1": np.zeros((2, 1)),
        "W2": np.array([[1.0, -2.0]]),
        "b2": np.zeros((1, 1)),
    }
