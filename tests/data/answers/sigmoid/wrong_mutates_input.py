# expect: failed | changed its input z in place
import numpy as np


def sigmoid(z):
    np.clip(z, -500, 500, out=z)  # "stabilize" the input... in place
    return 1.0 / (1.0 + np.exp(-z))
