# expect: passed | passed all
import numpy as np


def xor_params():
    # s = x1 + x2; h1 = relu(s - 0.5) is 0, 0.5, 1.5 and h2 = relu(s - 1.5) is 0, 0, 0.5;
    # 2 h1 - 6 h2 is 0, 1, 0
    return {
        "W1": np.ones((2, 2)),
        "b1": np.array([[-0.5], [-1.5]]),
        "W2": np.array([[2.0, -6.0]]),
        "b2": np.zeros((1, 1)),
    }
