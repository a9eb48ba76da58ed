# expect: failed | the odd columns hold -cos
# cos written as a shifted sin, with the shift the wrong way round
import numpy as np


def sinusoidal_encoding(T, d):
    positions = np.arange(T)[:, None]
    rates = 1.0 / 10000 ** (np.arange(0, d, 2) / d)
    angles = positions * rates
    pe = np.zeros((T, d))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.sin(angles - np.pi / 2)
    return pe
