# expect: failed | but 0.5 does not fall between them and > 0.5 means 1: move b2 by 0.5
import numpy as np


def xor_params():
    # outputs -0.5 / +0.5, as if the decision threshold were 0 rather than 0.5
    return {
        "W1": np.array([[1.0, 1.0], [1.0, 1.0]]),
        "b1": np.array([[0.0], [-1.0]]),
        "W2": np.array([[1.0, -2.0]]),
        "b2": np.array([[-0.5]]),
    }
