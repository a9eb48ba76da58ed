# expect: passed | passed all
import numpy as np


def sigmoid(z):
    # sigmoid(|z|) never overflows; sigmoid(-x) = 1 - sigmoid(x) gives the other side
    s = 1.0 / (1.0 + np.exp(-np.abs(z)))
    return np.where(z >= 0, s, 1.0 - s)
