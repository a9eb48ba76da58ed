# expect: passed | passed all
import numpy as np


def cross_entropy(y_hat, y):
    idx = np.argmax(y, axis=0)[None, :]
    p = np.take_along_axis(np.asarray(y_hat, dtype=np.float64), idx, axis=0)
    return -float(np.mean(np.log(p)))
