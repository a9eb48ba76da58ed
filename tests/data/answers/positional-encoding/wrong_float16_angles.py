# expect: failed | matches in float16 precision only (every value of PE is a float16 number)
import numpy as np


def sinusoidal_encoding(T, d):
    pos = np.arange(T, dtype=np.float16)[:, None]
    div = np.exp(np.arange(0, d, 2) * (-np.log(10000.0) / d)).astype(np.float16)
    pe = np.zeros((T, d))
    pe[:, 0::2] = np.sin(pos * div)
    pe[:, 1::2] = np.cos(pos * div)[:, : d // 2]
    return pe
