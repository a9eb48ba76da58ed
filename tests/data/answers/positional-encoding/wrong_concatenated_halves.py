# expect: failed | sin and cos are in two halves
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T)[:, None]
    rate = 1.0 / 10000 ** (np.arange(0, d, 2) / d)
    return np.concatenate([np.sin(pos * rate), np.cos(pos * rate)], axis=1)
