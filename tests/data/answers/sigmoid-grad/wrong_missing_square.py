# expect: failed | e / (1 + e) with e = exp(-|z|)
import numpy as np


def sigmoid_grad(z):
    a = np.exp(-np.abs(z))
    return a / (1.0 + a)
