# expect: failed | sin and cos are in two halves
import numpy as np


def sinusoidal_encoding(T, d):
    half = d // 2

    def table(pos, col):
        i = np.where(col < half, col, col - half)
        angle = pos / 10000.0 ** (2.0 * i / d)
        return np.where(col < half, np.sin(angle), np.cos(angle))

    return np.fromfunction(table, (T, d), dtype=np.float64)
