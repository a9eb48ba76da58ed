# expect: failed | belong to binary cross-entropy
import numpy as np


def cross_entropy(y_hat, y):
    # the binary cross-entropy summed over the classes: the (1 - y) log(1 - y_hat) terms are extra
    m = y.shape[1]
    eps = 1e-12
    return float(-np.sum(y * np.log(y_hat + eps) + (1 - y) * np.log(1 - y_hat + eps)) / m)
