# expect: failed | numpy reported
import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / e.sum(axis=0, keepdims=True)
