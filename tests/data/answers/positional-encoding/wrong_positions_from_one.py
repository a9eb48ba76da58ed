# expect: failed | the first position is p = 0
import numpy as np


def sinusoidal_encoding(T, d):
    p = np.arange(1, T + 1)[:, None]
    i = np.arange(d // 2)[None, :]
    ang = p / 10000 ** (2 * i / d)
    pe = np.zeros((T, d))
    pe[:, 0::2] = np.sin(ang)
    pe[:, 1::2] = np.cos(ang)
    return pe
