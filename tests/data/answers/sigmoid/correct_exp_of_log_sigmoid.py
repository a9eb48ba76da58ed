# expect: passed | passed all
import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    # log sigma(z) = -log(1 + e^-z) = -logaddexp(0, -z)
    return np.exp(-np.logaddexp(0.0, -z))
