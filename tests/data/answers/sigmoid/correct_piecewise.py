# expect: passed | passed all
import numpy as np


def sigmoid(z):
    return np.piecewise(
        z,
        [z >= 0, z < 0],
        [lambda t: 1.0 / (1.0 + np.exp(-t)), lambda t: np.exp(t) / (1.0 + np.exp(t))],
    )
