# expect: passed | passed all
import numpy as np


def sgd_step(theta, grad, lr):
    rows = [t - lr * g for t, g in zip(theta, grad)]
    return np.array(rows, dtype=np.float64).reshape(theta.shape)
