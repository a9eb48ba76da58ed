# expect: failed | the angles were floored
# // where / was meant: the angle loses its fraction
import numpy as np


def sinusoidal_encoding(T, d):
    p = np.arange(T, dtype=np.float64)[:, None]
    freq = 10000.0 ** (np.arange(0, d, 2) / d)
    angles = p // freq
    out = np.empty((T, d))
    out[:, ::2] = np.sin(angles)
    out[:, 1::2] = np.cos(angles)
    return out
