# expect: passed | passed all
import numpy as np


def cross_entropy(y_hat, y):
    # log1p(p - 1) is log(p); p - 1 is exact for p in [0.5, 1], so a confident
    # prediction's loss keeps every digit
    m = y.shape[1]
    p = y_hat[y.astype(bool)]
    return float(-np.sum(np.log1p(p - 1.0)) / m)
