# expect: failed | each row's max was subtracted (axis=1)
import numpy as np


def softmax(z):
    # the max over axis 1 (per row) keeps each row's entries in range but not each column's
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
