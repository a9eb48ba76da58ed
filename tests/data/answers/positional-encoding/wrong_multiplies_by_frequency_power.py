# expect: failed | p was multiplied by 10000**(2i/d)
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T)[:, None]
    i = np.arange(d // 2)[None, :]
    angle = pos * 10000 ** (2 * i / d)  # multiplied by the wavelength instead of divided
    pe = np.empty((T, d))
    pe[:, 0::2], pe[:, 1::2] = np.sin(angle), np.cos(angle)
    return pe
