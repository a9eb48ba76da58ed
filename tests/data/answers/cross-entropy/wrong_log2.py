# expect: failed | np.log2 gives the loss in bits
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    return float(-np.sum(y * np.log2(y_hat)) / m)
