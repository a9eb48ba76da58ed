# expect: failed | each pair's exponent is 4i/d
import numpy as np


def sinusoidal_encoding(T, d):
    # the exponent written i / (d / 2), right for the pair index i, but with the even
    # column index j = 2i from np.arange(0, d, 2): 4i/d
    pe = np.zeros((T, d))
    pos = np.arange(T)[:, None]
    j = np.arange(0, d, 2)[None, :]
    angle = pos / 10000.0 ** (j / (d / 2))
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle)
    return pe
