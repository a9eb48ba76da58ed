# expect: failed | a row and a column broadcast into a square
import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0)[:, None]
