# expect: failed | the frequencies use log10(10000) = 4 inside np.exp
# the frequency term written with exp and log, the log taken base 10
import numpy as np
def sinusoidal_encoding(T, d):
    pos = np.arange(T)[:, None]
    div = np.exp(np.arange(0, d, 2) * (-np.log10(10000.0) / d))
    pe = np.zeros((T, d))
    pe[:, 0::2] = np.sin(pos * div)
    pe[:, 1::2] = np.cos(pos * div)
    return pe
