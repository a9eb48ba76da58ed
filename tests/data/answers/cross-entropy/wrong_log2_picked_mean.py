# expect: failed | np.log2 gives the loss in bits
import numpy as np


def cross_entropy(y_hat, y):
    picked = np.sum(y * y_hat, axis=0)
    return float(-np.mean(np.log2(picked)))
