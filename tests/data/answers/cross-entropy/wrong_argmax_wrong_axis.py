# expect: failed | numpy raised an index error at line 8: an index that fits y_hat's rows went along an axis as long as its columns
import numpy as np


def cross_entropy(y_hat, y):
    m = y.shape[1]
    cls = np.argmax(y, axis=1)
    return float(-np.sum(np.log(y_hat[cls[:m] if cls.size >= m else cls, np.arange(cls.size)])) / m)
