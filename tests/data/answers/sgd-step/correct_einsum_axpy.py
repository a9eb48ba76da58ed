# expect: passed | passed
import numpy as np


def sgd_step(theta, grad, lr):
    """theta - lr*grad, the scaled gradient formed by einsum with a scalar."""
    return theta - np.einsum("...,->...", grad, lr)
