# expect: passed | passed all
import numpy as np


def sigmoid_grad(z):
    # sigma'(z) = e / (1 + e)**2 with e = exp(-|z|) (the function is even), the square
    # multiplied out; e <= 1, so nothing overflows
    e = np.exp(-np.abs(z))
    return e / (1.0 + 2.0 * e + e * e)
