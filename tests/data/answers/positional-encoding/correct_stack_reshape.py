# expect: passed | passed all
import numpy as np


def sinusoidal_encoding(T, d):
    half = (d + 1) // 2
    freq = 1.0 / np.power(10000.0, 2.0 * np.arange(half) / d)
    angles = np.arange(T, dtype=np.float64)[:, None] * freq[None, :]
    both = np.stack([np.sin(angles), np.cos(angles)], axis=-1)  # (T, half, 2)
    return both.reshape(T, 2 * half)[:, :d]
