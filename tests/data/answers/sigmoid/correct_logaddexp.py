# expect: passed | passed
import numpy as np


def sigmoid(z):
    # sigma(z) = exp(-log(1 + e^-z)); logaddexp never overflows and exp of a negative is safe
    return np.exp(-np.logaddexp(0.0, -z))
