# expect: passed | passed all
import numpy as np


def xor_params():
    # outputs -1 and +1 (a tanh-style target): 2 (relu(s) - 2 relu(s - 1)) - 1 is -1, 1, -1
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([[0.0], [-1.0]])
    W2 = 2.0 * np.array([[1.0, -2.0]])
    b2 = np.array([[-1.0]])
    return dict(W1=W1, b1=b1, W2=W2, b2=b2)
