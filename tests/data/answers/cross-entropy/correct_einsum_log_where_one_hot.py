# expect: passed | passed
import numpy as np


def cross_entropy(y_hat, y):
    # log of 1 (= 0) wherever the label is 0, so no log(0) is ever taken
    m = y.shape[1]
    logs = np.log(np.where(y > 0, y_hat, 1.0))
    return float(-np.einsum("cm,cm->", y, logs) / m)
