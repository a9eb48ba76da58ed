# expect: passed | passed
import numpy as np


def sinusoidal_encoding(T, d):
    # 10000 ** (-2i / d) for i = 0 .. d/2 - 1 is d/2 points of logspace from 0 to -1
    freqs = np.logspace(0.0, -1.0, d // 2, endpoint=False, base=10000.0)
    angles = np.outer(np.arange(T), freqs)
    pe = np.empty((T, d))
    pe[:, ::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe
