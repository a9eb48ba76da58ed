# expect: failed | np.mean over all c*m entries
import numpy as np


def cross_entropy(y_hat, y):
    return -np.mean(y * np.log(np.clip(y_hat, 1e-15, 1.0)))
