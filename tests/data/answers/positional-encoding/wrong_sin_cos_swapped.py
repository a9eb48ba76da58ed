# expect: failed | sin and cos are swapped
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T)[:, None]
    rate = 1.0 / 10000 ** (np.arange(0, d, 2) / d)
    pe = np.zeros((T, d))
    pe[:, 0::2] = np.cos(pos * rate)
    pe[:, 1::2] = np.sin(pos * rate)
    return pe
