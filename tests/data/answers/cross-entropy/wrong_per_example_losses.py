# expect: failed | one loss per example; average them
import numpy as np


def cross_entropy(y_hat, y):
    return -np.sum(np.log(np.where(y == 1, y_hat, 1.0)), axis=0)
