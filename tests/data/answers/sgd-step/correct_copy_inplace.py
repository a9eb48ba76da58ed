# expect: passed | passed
import numpy as np


def sgd_step(theta, grad, lr):
    new = np.array(theta, dtype=np.float64, copy=True)
    new -= lr * grad
    return new
