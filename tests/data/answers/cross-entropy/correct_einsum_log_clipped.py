# expect: passed | passed all
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    return float(-np.einsum("ij,ij->", y, np.log(np.clip(y_hat, 1e-300, None))) / m)
