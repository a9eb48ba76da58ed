# expect: failed | it is 2i/d
import numpy as np


def sinusoidal_encoding(T, d):
    p = np.arange(T)[:, None]
    i = np.arange(d // 2)[None, :]
    ang = p / 10000 ** (i / d)  # forgot the 2
    pe = np.zeros((T, d))
    pe[:, 0::2] = np.sin(ang)
    pe[:, 1::2] = np.cos(ang)
    return pe
