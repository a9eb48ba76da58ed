# expect: failed | changed its input theta in place
import numpy as np


def sgd_step(theta, grad, lr):
    # out=theta writes the result into the caller's array
    return np.subtract(theta, lr * grad, out=theta)
