# expect: failed | exp(-z) overflows for z below about -709
import numpy as np


def sigmoid(z):
    # finite results (1 / inf is 0), but exp(-z) overflows on the way for z < -709
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_grad(z):
    s = sigmoid(z)
    return s * (1 - s)
