# expect: passed | passed
import numpy as np


def sinusoidal_encoding(T, d):
    freqs = 1.0 / 10000.0 ** (np.arange(0, d, 2) / d)  # one frequency per (sin, cos) pair
    phase = np.exp(1j * np.outer(np.arange(T), freqs))  # cos + i sin
    pe = np.empty((T, d))
    pe[:, 0::2] = phase.imag
    pe[:, 1::2] = phase.real
    return pe
