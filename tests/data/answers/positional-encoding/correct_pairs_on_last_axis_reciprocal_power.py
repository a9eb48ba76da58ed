# expect: passed | passed all
import numpy as np


def sinusoidal_encoding(T, d):
    # each pair of columns from one table of angles, written with np.column_stack of
    # interleaved (sin, cos) pairs, then flattened back to d columns
    inv = 1.0 / np.power(10000.0, np.arange(0, d, 2) / d)
    angles = np.arange(T, dtype=np.float64)[:, None] * inv[None, :]
    pairs = np.stack([np.sin(angles), np.cos(angles)], axis=-1)
    return pairs.reshape(T, d)
