# expect: passed | passed all
import numpy as np


def softmax(z):
    e = np.exp(z - np.amax(z, axis=0, keepdims=True))
    return e / np.einsum("ij->j", e)[None, :]
