# expect: failed | each row's max was subtracted (axis=1)
import numpy as np


def softmax(Z):
    """Shifted by each class's max over the examples (axis 1), normalized over the classes."""
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
