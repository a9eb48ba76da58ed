# expect: passed | passed
import numpy as np


def sinusoidal_encoding(T, d):
    PE = np.empty((T, d))
    pairs = PE.reshape(T, d // 2, 2)  # a view: pairs[p, i] is (PE[p, 2i], PE[p, 2i + 1])
    angle = np.arange(T)[:, None] * np.power(10000.0, -np.arange(d // 2) * 2.0 / d)
    pairs[..., 0] = np.sin(angle)
    pairs[..., 1] = np.cos(angle)
    return PE
