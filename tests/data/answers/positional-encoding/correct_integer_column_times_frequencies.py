# expect: passed | passed all
import numpy as np


def sinusoidal_encoding(T, d):
    freq = 1.0 / 10000.0 ** (np.arange(0, d, 2) / d)
    # angle of position p = p * freq, built by multiplying an integer column, not summing
    angles = np.arange(T, dtype=np.float64).reshape(-1, 1) * freq.reshape(1, -1)
    pe = np.empty((T, d))
    pe[:, ::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe
