# expect: failed | your result matches in float16 precision only
import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z)).astype(np.float16)
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(np.float64)
