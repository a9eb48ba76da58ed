# expect: passed | passed all
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    logs = np.log(np.where(y == 1, y_hat, 1.0))
    return -1.0 / m * np.sum(logs, keepdims=True)
