# expect: failed | float32 precision
import numpy as np


def sinusoidal_encoding(T, d):
    # float32 angles (as in a deep-learning framework), cast to float64 at the end
    pos = np.arange(T, dtype=np.float32)[:, None]
    rates = np.power(np.float32(10000.0), -np.arange(0, d, 2, dtype=np.float32) / np.float32(d))
    ang = pos * rates
    pe = np.zeros((T, d), dtype=np.float32)
    pe[:, 0::2] = np.sin(ang)
    pe[:, 1::2] = np.cos(ang)
    return pe.astype(np.float64)
