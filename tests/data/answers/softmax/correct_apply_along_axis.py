# expect: passed | passed all
import numpy as np


def _softmax_1d(col):
    e = np.exp(col - np.max(col))
    return e / np.sum(e)


def softmax(z):
    return np.apply_along_axis(_softmax_1d, 0, z)
