# expect: passed | passed all
import numpy as np


def cross_entropy(y_hat, y):
    # the true class's probability per column as sum(y * y_hat, axis=0), then its log
    picked = np.sum(np.where(y == 1, y_hat, 0.0), axis=0)
    return float(-np.log(picked).mean())
