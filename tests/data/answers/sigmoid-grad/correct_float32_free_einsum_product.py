# expect: passed | passed
import numpy as np


def sigmoid_grad(z):
    """s(z) * s(-z): both factors from the stable form, multiplied by einsum."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    big = 1.0 / (1.0 + e)
    small = e / (1.0 + e)
    return np.einsum("...,...->...", big, small)
