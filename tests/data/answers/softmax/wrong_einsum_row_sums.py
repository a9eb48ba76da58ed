# expect: failed | normalized over rows (axis=1)
import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    # "ij->i" sums each row: the classes of every example, not the examples of each column
    return e / np.einsum("ij->i", e)[:, np.newaxis]
