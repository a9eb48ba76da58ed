# expect: passed | passed all
import numpy as np


def cross_entropy(y_hat, y):
    y_hat = np.asarray(y_hat, dtype=np.float64)
    m = y.shape[1]
    p = np.einsum("cm,cm->m", y_hat, np.asarray(y, dtype=np.float64))
    return float(-np.log(p).sum() / m)
