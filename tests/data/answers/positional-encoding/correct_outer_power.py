# expect: passed | passed
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T, dtype=np.float64)
    inv = 1.0 / np.power(10000.0, np.arange(0, d, 2) / d)
    ang = np.outer(pos, inv)
    pe = np.empty((T, d))
    pe[:, 0::2] = np.sin(ang)
    pe[:, 1::2] = np.cos(ang)
    return pe
