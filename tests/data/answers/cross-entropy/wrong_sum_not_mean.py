# expect: failed | divide the summed loss by m
import numpy as np


def cross_entropy(y_hat, y):
    return -np.sum(np.log(y_hat[y == 1]))
