# expect: failed | tanh
import numpy as np


def sigmoid_grad(z):
    s = 0.5 * (1.0 + np.tanh(0.5 * z))
    return 1 - s**2
