# expect: passed | passed
import math

import numpy as np


def softmax(z):
    """Plain Python over each column, as on a whiteboard: slow, but shifted by the max."""
    c, m = z.shape
    rows = z.tolist()
    out = [[0.0] * m for _ in range(c)]
    for j in range(m):
        column = [rows[i][j] for i in range(c)]
        top = max(column)
        exps = [math.exp(v - top) for v in column]
        total = sum(exps)
        for i in range(c):
            out[i][j] = exps[i] / total
    return np.array(out, dtype=np.float64)
