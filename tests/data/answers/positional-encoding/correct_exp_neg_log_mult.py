# expect: passed | passed all
import math
import numpy as np


def sinusoidal_encoding(T, d):
    freq = np.exp(np.arange(0, d, 2) * (-math.log(10000.0) / d))
    angles = np.multiply.outer(np.arange(T), freq)
    return np.dstack([np.sin(angles), np.cos(angles)]).reshape(T, d)
