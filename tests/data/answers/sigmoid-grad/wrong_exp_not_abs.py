# expect: failed | numpy reported overflow
import numpy as np


def sigmoid_grad(z):
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(-z)
        return e / (1.0 + e) ** 2
