# expect: passed | passed all
import numpy as np


def sinusoidal_encoding(T, d):
    # one position (row) at a time, the frequencies from np.power
    w = 1.0 / np.power(10000.0, np.arange(0, d, 2) / d)
    pe = np.zeros((T, d))
    for p in range(T):
        angle = p * w
        pe[p, 0::2] = np.sin(angle)
        pe[p, 1::2] = np.cos(angle[: d // 2])
    return pe
