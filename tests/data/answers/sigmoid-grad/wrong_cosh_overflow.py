# expect: failed | cosh(z/2) in 1 / (4 cosh(z/2)**2)
import numpy as np


def sigmoid_grad(z):
    # the textbook identity, right in exact arithmetic, but cosh(z/2)**2 overflows for |z| > 711
    return 1.0 / (4.0 * np.cosh(z / 2.0) ** 2)
