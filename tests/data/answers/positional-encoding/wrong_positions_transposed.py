# expect: failed | PE is (T, d): positions are rows
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T)[None, :]
    div = np.exp(np.arange(0, d, 2)[:, None] * (-np.log(10000.0) / d))
    pe = np.zeros((d, T))
    pe[0::2] = np.sin(pos * div)
    pe[1::2] = np.cos(pos * div)[: d // 2]
    return pe
