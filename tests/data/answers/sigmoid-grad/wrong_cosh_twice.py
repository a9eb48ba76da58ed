# expect: failed | 1 / (2 cosh(z/2)**2) is twice the derivative
import numpy as np


def sigmoid_grad(z):
    t = np.tanh(z / 2.0)
    return 0.5 * (1.0 - t * t)  # 1 / (2 cosh^2(z/2)): one factor 1/2 too few
