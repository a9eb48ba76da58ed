# expect: failed | the even columns hold cos as well
import numpy as np


def sinusoidal_encoding(T, d):
    # a copy-paste slip: the even columns take cos as well
    pe = np.zeros((T, d))
    pos = np.arange(T)[:, None]
    rate = 1.0 / 10000.0 ** (np.arange(0, d, 2) / d)
    pe[:, 0::2] = np.cos(pos * rate)
    pe[:, 1::2] = np.cos(pos * rate)
    return pe
