# expect: passed | passed all
import math

import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T)[:, None]
    div = np.exp(np.arange(0, d, 2) * (-math.log(10000.0) / d))
    pe = np.zeros((T, d))
    pe[:, 0::2] = np.sin(pos * div)
    pe[:, 1::2] = np.cos(pos * div)
    return pe
