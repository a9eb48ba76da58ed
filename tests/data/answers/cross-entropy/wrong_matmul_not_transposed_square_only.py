# expect: failed | fails when y_hat's rows and columns differ
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    return float(-np.trace(y @ np.log(y_hat)) / m)
