# expect: passed | passed
import numpy as np


def sinusoidal_encoding(T, d):
    def table(pos, col):
        angle = pos / 10000.0 ** (2.0 * (col // 2) / d)
        return np.where(col % 2 == 0, np.sin(angle), np.cos(angle))

    return np.fromfunction(table, (T, d), dtype=np.float64)
