# expect: passed | passed all
import numpy as np


def sinusoidal_encoding(T, d):
    angles = np.outer(np.arange(T), 1.0 / np.power(10000.0, np.arange(d // 2) * 2.0 / d))
    return np.stack([np.sin(angles), np.cos(angles)], axis=-1).reshape(T, d)
