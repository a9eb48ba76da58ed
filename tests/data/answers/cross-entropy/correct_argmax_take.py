# expect: passed | passed
import numpy as np


def cross_entropy(y_hat, y):
    targets = np.argmax(y, axis=0)
    picked = np.take_along_axis(y_hat, targets[None, :], axis=0)
    return float(-np.mean(np.log(picked)))
