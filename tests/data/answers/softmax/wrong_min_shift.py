# expect: failed | overflow
import numpy as np


def softmax(z):
    e = np.exp(z - z.min(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
