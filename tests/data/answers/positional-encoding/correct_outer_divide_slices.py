# expect: passed | passed all
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T, dtype=np.float64)[:, None]
    div = np.power(10000.0, np.arange(0, d, 2) / d)
    pe = np.zeros((T, d))
    pe[:, 0::2] = np.sin(pos / div)
    pe[:, 1::2] = np.cos(pos / div)
    return pe
