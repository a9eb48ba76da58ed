# expect: failed | sin and cos of one pair share
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T)[:, None]
    k = np.arange(d)
    ang = pos / 10000 ** (k / d)
    return np.where(k % 2 == 0, np.sin(ang), np.cos(ang))
