# expect: passed | passed
import numpy as np


def softmax(z):
    out = np.empty_like(z, dtype=np.float64)
    for j in range(z.shape[1]):
        col = z[:, j]
        e = np.exp(col - col.max())
        out[:, j] = e / e.sum()
    return out
