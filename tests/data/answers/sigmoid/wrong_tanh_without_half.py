# expect: failed | (1 + tanh(z)) / 2 is sigmoid(2z)
import numpy as np


def sigmoid(z):
    # the identity is sigmoid(z) = (1 + tanh(z / 2)) / 2; the z / 2 is missing here
    return 0.5 * (1.0 + np.tanh(z))
