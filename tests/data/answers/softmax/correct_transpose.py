# expect: passed | passed
import numpy as np


def softmax(z):
    zt = z.T
    shifted = zt - zt.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return (e / e.sum(axis=1, keepdims=True)).T
