# expect: passed | passed
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T, dtype=np.float64)
    pe = np.zeros((T, d))
    for j in range(d):
        i = j // 2
        angle = pos / np.power(10000.0, 2 * i / d)
        pe[:, j] = np.sin(angle) if j % 2 == 0 else np.cos(angle)
    return pe
