# expect: passed | passed
import numpy as np


def sgd_step(theta, grad, lr):
    # np.subtract without out= builds a new array; the caller's theta is left alone
    return np.subtract(theta, np.multiply(grad, lr))
