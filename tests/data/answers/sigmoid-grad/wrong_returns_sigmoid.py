# expect: failed | you returned sigmoid(z) itself
import numpy as np


def sigmoid_grad(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))
