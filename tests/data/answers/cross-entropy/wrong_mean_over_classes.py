# expect: failed | loss
import numpy as np


def cross_entropy(y_hat, y):
    safe = np.where(y > 0, y_hat, 1.0)
    return float(-np.mean(y * np.log(safe)))
