# expect: passed | passed all
import numpy as np


def softmax(z):
    # z.max(axis=0) is (m,), which broadcasts along the rows of (c, m): one shift per column
    e = np.exp(z - z.max(axis=0))
    return e / e.sum(axis=0)
