# expect: passed | passed all
import numpy as np


def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - np.max(z, axis=0))
    return e / np.einsum("i...->...", e)
