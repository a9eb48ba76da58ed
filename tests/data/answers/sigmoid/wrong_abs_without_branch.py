# expect: failed | exp(-|z|) is the stable piece, but where z < 0 the result is e / (1 + e)
import numpy as np


def sigmoid(z):
    # exp(-|z|) never overflows...
    return 1.0 / (1.0 + np.exp(-np.abs(z)))
