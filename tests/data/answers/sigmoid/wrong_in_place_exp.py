# expect: failed | changed its input z in place
import numpy as np


def sigmoid(z):
    np.negative(z, out=z)
    np.exp(z, out=z)
    z += 1.0
    return 1.0 / z
