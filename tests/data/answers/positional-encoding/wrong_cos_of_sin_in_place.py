# expect: failed | the odd columns hold cos(sin(angle))
# sin applied to the whole table in place, then cos to the odd columns of the result
import numpy as np


def sinusoidal_encoding(T, d):
    i = np.arange(d)[None, :]
    table = np.arange(T)[:, None] / 10000 ** (2 * (i // 2) / d)
    table = np.sin(table)
    table[:, 1::2] = np.cos(table[:, 1::2])
    return table
