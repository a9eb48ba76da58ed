# expect: passed | passed all
# each pair's rate repeated for its two columns, then sin or cos chosen by the column's parity
import numpy as np


def sinusoidal_encoding(T, d):
    rates = np.repeat(np.exp(-np.log(10000.0) * np.arange(0, d, 2) / d), 2)
    angles = np.outer(np.arange(T), rates)
    even = np.arange(d) % 2 == 0
    return np.where(even, np.sin(angles), np.cos(angles))
