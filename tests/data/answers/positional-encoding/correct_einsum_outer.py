# expect: passed | passed all
import numpy as np


def sinusoidal_encoding(T, d):
    positions = np.arange(T, dtype=np.float64)
    inv_freq = 1.0 / (10000.0 ** (np.arange(0, d, 2, dtype=np.float64) / d))
    angles = np.einsum("p,i->pi", positions, inv_freq)
    pe = np.empty((T, d))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe
