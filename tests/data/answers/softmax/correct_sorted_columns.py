# expect: passed | passed
import numpy as np


def softmax(z):
    # the largest logit of each column is the last after sorting along axis 0
    top = np.sort(z, axis=0)[-1:, :]
    e = np.exp(z - top)
    return e / e.sum(axis=0)[np.newaxis, :]
