# expect: passed | passed all
import numpy as np


def cross_entropy(y_hat, y):
    picked = y_hat[y == 1].astype(">f8")
    # a 0-d array in big-endian byte order: a single float64 number
    return -np.log(picked).mean(keepdims=True).reshape(())
