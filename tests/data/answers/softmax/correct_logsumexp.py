# expect: passed | passed all
import numpy as np


def softmax(z):
    top = np.max(z, axis=0)
    lse = top + np.log(np.sum(np.exp(z - top), axis=0))
    return np.exp(z - lse)
