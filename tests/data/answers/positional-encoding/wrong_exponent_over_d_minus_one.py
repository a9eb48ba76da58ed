# expect: failed | the exponent divides by d - 1
import numpy as np


def sinusoidal_encoding(T, d):
    p = np.arange(T)[:, None]
    i = np.arange(d // 2)
    freq = 1.0 / 10000 ** (2 * i / (d - 1))
    PE = np.zeros((T, d))
    PE[:, 0::2] = np.sin(p * freq)
    PE[:, 1::2] = np.cos(p * freq)
    return PE
