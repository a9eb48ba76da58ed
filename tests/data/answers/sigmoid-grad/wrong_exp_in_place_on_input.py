# expect: failed | your code changed its input z in place
import numpy as np


def sigmoid_grad(z):
    np.abs(z, out=z)  # sigma' is even, so |z| is enough; but this writes into the caller's z
    np.negative(z, out=z)
    e = np.exp(z)
    return e / (1.0 + e) ** 2
