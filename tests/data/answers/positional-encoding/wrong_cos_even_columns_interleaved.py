# expect: failed | sin and cos are swapped
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T)[:, None]
    ang = pos / 10000 ** (np.arange(0, d, 2) / d)
    return np.stack([np.cos(ang), np.sin(ang)], axis=-1).reshape(T, d)
