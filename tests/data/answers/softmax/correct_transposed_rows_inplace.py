# expect: passed | passed all
import numpy as np


def softmax(z):
    rows = np.array(z, dtype=np.float64).T  # a copy, examples as rows
    rows -= rows.max(axis=1)[:, None]
    np.exp(rows, out=rows)
    rows /= rows.sum(axis=1)[:, None]
    return rows.T
