# expect: passed | passed all
import math
import numpy as np


def sinusoidal_encoding(T, d):
    rows = []
    for p in range(T):
        row = []
        for i in range(d // 2):
            a = p / 10000 ** (2 * i / d)
            row += [math.sin(a), math.cos(a)]
        rows.append(row)
    return np.array(rows, dtype=float).reshape(T, d)
