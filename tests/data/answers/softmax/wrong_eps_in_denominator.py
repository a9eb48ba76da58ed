# expect: failed | this matches e / (e.sum(axis=0) + 1e-8)
import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / (e.sum(axis=0, keepdims=True) + 1e-8)  # "never divide by zero"
