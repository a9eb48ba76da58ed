# expect: failed | numpy reported divide by zero
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    return -np.sum(y * np.log(y_hat)) / m
