# expect: failed | softmax
import numpy as np


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()
