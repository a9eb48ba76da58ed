# expect: failed | matches in float16 precision only
import numpy as np


def sinusoidal_encoding(T, d):
    # a half-precision table, as a memory-saving model would keep it
    pe = np.zeros((T, d), dtype=np.float16)
    pos = np.arange(T)[:, None]
    rates = 1.0 / np.power(10000.0, np.arange(0, d, 2) / d)
    pe[:, 0::2] = np.sin(pos * rates)
    pe[:, 1::2] = np.cos(pos * rates)
    return pe.astype(np.float64)
