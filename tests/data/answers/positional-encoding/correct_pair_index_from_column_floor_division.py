# expect: passed | passed all
import numpy as np


def sinusoidal_encoding(T, d):
    # every column computes its own angle from its pair index col // 2, over d/2 pairs:
    # (col // 2) / (d / 2) is the 2i/d of the formula
    cols = np.arange(d)
    freq = 1.0 / 10000.0 ** ((cols // 2) / (d // 2))
    angles = np.arange(T)[:, None] * freq[None, :]
    return np.where(cols % 2 == 0, np.sin(angles), np.cos(angles))
