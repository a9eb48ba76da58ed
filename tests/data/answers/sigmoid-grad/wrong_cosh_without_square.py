# expect: failed | 1 / (4 cosh(z/2)) misses the square
import numpy as np


def sigmoid_grad(z):
    return 0.25 / np.cosh(np.clip(z, -1400.0, 1400.0) / 2.0)
