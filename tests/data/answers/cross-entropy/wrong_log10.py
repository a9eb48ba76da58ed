# expect: failed | np.log10 gives the loss in decimal digits
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    return float(-np.sum(y * np.log10(y_hat)) / m)
