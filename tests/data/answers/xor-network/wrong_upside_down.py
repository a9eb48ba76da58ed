# expect: failed | the output is upside down: the 0-inputs (0, 0) and (1, 1) give more
import numpy as np


def xor_params():
    # the tent built the wrong way up: 1 - relu(s) + 2 relu(s - 1) is 1, 0, 0, 1 (XNOR)
    return {
        "W1": np.ones((2, 2)),
        "b1": np.array([[0.0], [-1.0]]),
        "W2": np.array([[-1.0, 2.0]]),
        "b2": np.array([[1.0]]),
    }
