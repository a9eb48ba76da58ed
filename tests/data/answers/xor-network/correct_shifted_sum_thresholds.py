# expect: passed | passed
import numpy as np


def xor_params():
    # both units read x1 + x2: one fires from 0.5 on, the other from 1.5 on;
    # 2*h1 - 6*h2 gives 0, 1, 1, 0
    return {
        "W1": np.array([[1.0, 1.0], [1.0, 1.0]]),
        "b1": np.array([[-0.5], [-1.5]]),
        "W2": np.array([[2.0, -6.0]]),
        "b2": np.array([[0.0]]),
    }
