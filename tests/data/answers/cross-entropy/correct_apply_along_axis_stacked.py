# expect: passed | passed
import math

import numpy as np


def _nll(column, c):
    p, onehot = column[:c], column[c:]
    return -math.log(p[int(np.argmax(onehot))])


def cross_entropy(y_hat, y):
    c = y_hat.shape[0]
    per_example = np.apply_along_axis(_nll, 0, np.vstack([y_hat, y]), c)
    return float(per_example.mean())
