# expect: failed | the loss is a float32 number
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    p = np.sum(y_hat * y, axis=0).astype(np.float32)  # "saves memory"
    return float(-np.sum(np.log(p)) / m)
