# expect: passed | passed all
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    return float(-np.sum(y * np.log(np.clip(y_hat, 1e-15, 1.0))) / m)
