# expect: passed | passed all
import numpy as np


def sgd_step(theta, grad, lr):
    new_theta = np.array(theta, dtype=np.float64, copy=True)
    new_theta -= lr * grad
    return new_theta
