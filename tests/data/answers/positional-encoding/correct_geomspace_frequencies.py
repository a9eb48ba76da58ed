# expect: passed | passed all
import numpy as np


def sinusoidal_encoding(T, d):
    # the frequencies 1 / 10000**(2i/d) as a geometric sequence from 1 down
    n_pairs = (d + 1) // 2
    freqs = np.geomspace(1.0, 10000.0 ** (-2 * (n_pairs - 1) / d), n_pairs) if n_pairs > 1 else np.ones(1)
    angles = np.multiply.outer(np.arange(T, dtype=float), freqs)
    pe = np.empty((T, d))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles[:, : d // 2])
    return pe
