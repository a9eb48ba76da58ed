# expect: failed | divide by m only
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[0]
    return float(-np.sum(y * np.log(y_hat)) / m)
