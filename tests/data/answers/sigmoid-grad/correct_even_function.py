# expect: passed | passed all
import numpy as np


def sigmoid_grad(z):
    # sigma'(z) is even, so work with -|z|: exp never sees a positive argument
    e = np.exp(-np.abs(z))
    return e / (1.0 + e) ** 2
