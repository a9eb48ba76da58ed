# expect: failed | every pair has frequency 1: the exponent was computed with integer division
import numpy as np


def sinusoidal_encoding(T, d):
    pe = np.zeros((T, d))
    for p in range(T):
        for i in range(d // 2):
            angle = p / 10000 ** (2 * i // d)
            pe[p, 2 * i] = np.sin(angle)
            pe[p, 2 * i + 1] = np.cos(angle)
    return pe
