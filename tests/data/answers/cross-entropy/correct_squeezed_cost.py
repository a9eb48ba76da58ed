# expect: passed | passed all
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    logs = np.log(np.where(y == 1, y_hat, 1.0))
    cost = -1.0 / m * np.sum(logs, axis=(0, 1), keepdims=True)
    return np.squeeze(cost)
