# expect: passed | passed all
import numpy as np


def sinusoidal_encoding(T, d):
    # cos(x) = sin(x + pi/2): one sin call with a phase of pi/2 in the odd columns
    i = np.arange(d)
    freq = 10000.0 ** (-(i - i % 2) / d)
    phase = (i % 2) * (np.pi / 2)
    return np.sin(np.arange(T)[:, None] * freq + phase)
