# expect: failed | the minus sign is missing
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    return np.sum(np.log(y_hat[y == 1])) / m
