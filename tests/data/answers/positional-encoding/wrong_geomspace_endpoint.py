# expect: failed | the frequencies run from 1 down to exactly 1/10000 (np.geomspace
import numpy as np


def sinusoidal_encoding(T, d):
    # frequencies from 1 down to 1/10000, geometrically spaced
    freqs = np.geomspace(1.0, 1.0 / 10000.0, d // 2)
    angles = np.arange(T)[:, None] * freqs[None, :]
    pe = np.zeros((T, d))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe
