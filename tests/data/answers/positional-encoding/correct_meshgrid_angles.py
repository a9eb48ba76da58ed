# expect: passed | passed
import numpy as np


def sinusoidal_encoding(T, d):
    # a grid of positions against pair indices, then even and odd columns filled
    pos, pair = np.meshgrid(np.arange(T, dtype=float), np.arange(d // 2, dtype=float), indexing="ij")
    angle = pos / np.power(10000.0, 2.0 * pair / d)
    pe = np.empty((T, d))
    pe[:, ::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle)
    return pe
