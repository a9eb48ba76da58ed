# expect: failed | as len(y) would
import numpy as np


def cross_entropy(y_hat, y):
    # len() of a (c, m) array is c, the number of classes, not the number of examples
    picked = np.sum(y * y_hat, axis=0)
    return float(-np.sum(np.log(picked)) / len(y))
