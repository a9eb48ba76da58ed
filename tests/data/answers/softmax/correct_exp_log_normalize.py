# expect: passed | passed
import numpy as np


def softmax(z):
    shifted = z - np.max(z, axis=0)  # broadcasting a (m,) max over (c, m) rows
    log_norm = np.log(np.sum(np.exp(shifted), axis=0))
    return np.exp(shifted - log_norm)
