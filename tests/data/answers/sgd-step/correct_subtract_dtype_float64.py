# expect: passed | passed all
import numpy as np


def sgd_step(theta, grad, lr):
    return np.subtract(theta, lr * np.asarray(grad), dtype=np.float64)
