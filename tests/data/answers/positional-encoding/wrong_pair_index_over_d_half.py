# expect: failed | exactly 1/10000
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T)[:, None]
    i = np.arange(d // 2)
    ang = pos / 10000 ** (i / (d // 2 - 1 if d > 2 else 1))
    pe = np.empty((T, d))
    pe[:, ::2], pe[:, 1::2] = np.sin(ang), np.cos(ang)
    return pe
