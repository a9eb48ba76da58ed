# expect: failed | numpy raised an index error at line 8, so the code may swap rows and columns
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    cls = np.argmax(y, axis=1)
    return float(-np.sum(np.log(y_hat[cls[:m] if cls.size >= m else cls, np.arange(cls.size)])) / m)
