# expect: passed | passed all
import numpy as np


def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    softplus = np.maximum(-x, 0.0) + np.log1p(np.exp(-np.abs(x)))  # log(1 + e^-x)
    return np.exp(-softplus)
