# expect: passed | passed
import numpy as np


def xor_params():
    # the output starts at 1 and each hidden unit takes 1 away at one end of t = x1 + x2:
    # relu(1 - t) is 1 only at (0, 0), relu(t - 1) is 1 only at (1, 1)
    return {
        "W1": np.array([[-1.0, -1.0], [1.0, 1.0]]),
        "b1": np.array([[1.0], [-1.0]]),
        "W2": np.array([[-1.0, -1.0]]),
        "b2": np.array([[1.0]]),
    }
