# expect: failed | normalized over rows
import numpy as np


def softmax(Z):
    """Shifted softmax, but over axis=-1: the last axis, which here is the examples."""
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
