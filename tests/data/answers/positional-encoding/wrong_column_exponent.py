# expect: failed | the exponent uses the column index j/d
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T)[:, None]
    j = np.arange(d)[None, :]
    angle = pos / 10000 ** (j / d)
    return np.where(j % 2 == 0, np.sin(angle), np.cos(angle))
