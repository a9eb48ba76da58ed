# expect: passed | passed
import math

import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    total = 0.0
    for j in range(m):
        k = int(np.argmax(y[:, j]))
        total -= math.log(y_hat[k, j])
    return total / m
