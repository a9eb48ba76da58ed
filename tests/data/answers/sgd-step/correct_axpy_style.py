# expect: passed | passed all
import numpy as np


def sgd_step(theta, grad, lr):
    out = np.array(theta, dtype=np.float64, copy=True)
    out -= np.multiply(lr, grad)
    return out
