# expect: failed | the exponent uses the column index j/d for every column
import numpy as np


def sinusoidal_encoding(T, d):
    # the frequency index taken from the column itself, col / d, for sin and cos alike:
    # column 2i+1 gets 10000 ** ((2i + 1) / d), not its pair's 10000 ** (2i / d)
    cols = np.arange(d)
    angles = np.arange(T)[:, None] / 10000.0 ** (cols[None, :] / d)
    return np.where(cols % 2 == 0, np.sin(angles), np.cos(angles))
