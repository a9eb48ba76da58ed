# expect: passed | passed all
import numpy as np


def sigmoid_grad(z):
    z = np.asarray(z, dtype=np.float64)
    # log sigma(z) + log sigma(-z)
    return np.exp(-np.logaddexp(0.0, -z) - np.logaddexp(0.0, z))
