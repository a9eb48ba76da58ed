# expect: failed | numpy reported overflow
import numpy as np


def softmax(z):
    # subtracting the mean is not enough: the largest entry can still be ~1e4 above it
    e = np.exp(z - z.mean(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
