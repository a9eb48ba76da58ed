# expect: passed | passed
import numpy as np


def sigmoid(z):
    # one expression for both signs: e^min(z, 0) / (1 + e^-|z|) never exponentiates a positive number
    return np.exp(np.minimum(z, 0.0)) / (1.0 + np.exp(-np.abs(z)))
