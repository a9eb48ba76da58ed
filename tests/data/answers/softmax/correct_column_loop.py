# expect: passed | passed
import numpy as np


def softmax(z):
    out = np.empty(z.shape)
    for k in range(z.shape[1]):
        col = z[:, k]
        e = np.exp(col - col.max())
        out[:, k] = e / e.sum()
    return out
