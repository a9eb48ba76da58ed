# expect: passed | passed all
import numpy as np


def cross_entropy(y_hat, y):
    p_true = np.sum(y_hat * y, axis=0)
    return float(-np.log(p_true).sum() / y.shape[1])
