# expect: passed | passed
import numpy as np


def sinusoidal_encoding(T, d):
    # every column's angle from its own index with i // 2, then sin on even, cos on odd
    cols = np.arange(d)
    rates = 1.0 / np.power(10000.0, (2 * (cols // 2)) / np.float64(d))
    angles = np.arange(T)[:, np.newaxis] * rates[np.newaxis, :]
    return np.where(cols % 2 == 0, np.sin(angles), np.cos(angles))
