# expect: passed | passed all
import numpy as np


def cross_entropy(y_hat, y):
    K, m = y.shape
    total = 0.0
    for i in range(m):
        total -= np.log(y_hat[:, i][y[:, i] == 1][0])
    return total / m
