# expect: failed | the positions stayed 1-D
import numpy as np


def sinusoidal_encoding(T, d):
    PE = np.zeros((T, d))
    pos = np.arange(T)  # [:, None] forgotten
    div = 10000 ** (np.arange(0, d, 2) / d)
    PE[:, 0::2] = np.sin(pos / div)
    PE[:, 1::2] = np.cos(pos / div)
    return PE
