# expect: failed | exp(z) for z above 709
import numpy as np


def sigmoid(z):
    # "the other form" e^z / (1 + e^z): stable for very negative z, overflows for large z
    e = np.exp(z)
    return e / (1.0 + e)
