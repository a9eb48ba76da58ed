# expect: failed | so column 2i uses 4i/d
import numpy as np


def sinusoidal_encoding(T, d):
    i = np.arange(d)
    ang = np.arange(T)[:, None] / np.power(10000, 2 * i / d)
    pe = np.empty((T, d))
    pe[:, 0::2] = np.sin(ang[:, 0::2])
    pe[:, 1::2] = np.cos(ang[:, 1::2])
    return pe
