# expect: failed | the base is 1000
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T)[:, None]
    i = np.arange(d // 2)[None, :]
    angle = pos / 1000 ** (2 * i / d)  # 10000 in the paper
    pe = np.empty((T, d))
    pe[:, 0::2], pe[:, 1::2] = np.sin(angle), np.cos(angle)
    return pe
