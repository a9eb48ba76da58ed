# expect: failed | the values without their keys
import numpy as np


def xor_params():
    W1 = np.ones((2, 2))
    b1 = np.array([[0.0], [-1.0]])
    W2 = np.array([[1.0, -2.0]])
    b2 = np.zeros((1, 1))
    return W1, b1, W2, b2
