# expect: passed | passed all
import numpy as np


def sinusoidal_encoding(T, d):
    # each position is the previous one rotated by the pair's frequency:
    # sin(a + w) = sin a cos w + cos a sin w, cos(a + w) = cos a cos w - sin a sin w
    w = 10000.0 ** (-np.arange(0, d, 2) / d)
    cw, sw = np.cos(w), np.sin(w)
    pe = np.zeros((T, d))
    s, c = np.zeros(d // 2), np.ones(d // 2)
    for p in range(T):
        pe[p, 0::2], pe[p, 1::2] = s, c
        s, c = s * cw + c * sw, c * cw - s * sw
    return pe
