# expect: failed | changed its input z in place
import numpy as np


def softmax(z):
    z -= z.max(axis=0, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=0, keepdims=True)
