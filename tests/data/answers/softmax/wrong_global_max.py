# expect: failed | numpy reported
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z))  # one shift for the whole matrix
    return e / e.sum(axis=0, keepdims=True)
