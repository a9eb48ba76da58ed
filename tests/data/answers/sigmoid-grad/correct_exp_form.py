# expect: passed | passed all
import numpy as np


def sigmoid_grad(z):
    # sigma'(z) = e^-|z| / (1 + e^-|z|)^2 (the derivative is symmetric in z)
    e = np.exp(-np.abs(z))
    return e / (1.0 + e) ** 2
