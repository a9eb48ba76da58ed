# expect: failed | normalized over the row (axis=1) or the whole matrix, the same with one class
import numpy as np


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()
