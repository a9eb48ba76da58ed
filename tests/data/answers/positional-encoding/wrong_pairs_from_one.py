# expect: failed | the pair index starts at 1
import numpy as np


def sinusoidal_encoding(T, d):
    p = np.arange(T)[:, None]
    i = np.arange(1, d // 2 + 1)
    freq = 1.0 / 10000 ** (2 * i / d)
    PE = np.zeros((T, d))
    PE[:, 0::2] = np.sin(p * freq)
    PE[:, 1::2] = np.cos(p * freq)
    return PE
