# expect: failed | a reshape keeps the numbers in memory order
import numpy as np


def softmax(z):
    # one row per example, as frameworks lay it out, but by a reshape instead of z.T
    rows = np.reshape(z, (z.shape[1], -1))
    e = np.exp(rows - np.max(rows, axis=-1, keepdims=True))
    return (e / np.sum(e, axis=-1, keepdims=True)).T
