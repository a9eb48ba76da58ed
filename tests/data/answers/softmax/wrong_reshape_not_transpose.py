# expect: failed | a reshape keeps the numbers in memory order
import numpy as np


def softmax(z):
    rows = z.reshape(z.shape[1], z.shape[0])  # meant z.T
    e = np.exp(rows - rows.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).reshape(z.shape)
