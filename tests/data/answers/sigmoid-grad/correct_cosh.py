# expect: passed | passed
import numpy as np


def sigmoid_grad(z):
    # sigma'(z) = 1 / (4 cosh^2(z/2)); cosh overflows for large |z|, so go through exp(-|z|)
    a = np.exp(-np.abs(z))
    return a / (1.0 + a) ** 2
