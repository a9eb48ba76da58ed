# expect: passed | passed
import numpy as np


def sinusoidal_encoding(T, d):
    p = np.arange(T)[:, None]
    i = np.arange(d // 2)[None, :]
    ang = p / 10000 ** (2 * i / d)
    return np.stack([np.sin(ang), np.cos(ang)], axis=-1).reshape(T, d)
