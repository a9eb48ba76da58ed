# expect: passed | passed all
import math

import numpy as np


def sinusoidal_encoding(T, d):
    pe = np.empty((T, d))
    for p in range(T):
        for i in range(d // 2):
            angle = p / 10000 ** (2 * i / d)
            pe[p, 2 * i] = math.sin(angle)
            pe[p, 2 * i + 1] = math.cos(angle)
    return pe
