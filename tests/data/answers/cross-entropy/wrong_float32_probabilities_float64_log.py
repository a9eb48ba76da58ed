# expect: failed | the probabilities went through float32
import numpy as np


def cross_entropy(y_hat, y):
    # y_hat stored as float32 to "save memory"; the log itself asked for float64
    m = y.shape[1]
    p = y_hat.astype(np.float32)[y == 1]
    return float(-np.sum(np.log(p, dtype=np.float64)) / m)
