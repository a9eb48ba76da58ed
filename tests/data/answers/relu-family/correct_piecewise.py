# expect: passed | passed all
import numpy as np


def relu(z):
    return z.clip(min=0.0)


def relu_grad(z):
    return np.greater(z, 0).astype(float)


def leaky_relu(z, alpha=0.01):
    return np.piecewise(z, [z > 0], [lambda x: x, lambda x: alpha * x])


def elu(z, alpha=1.0):
    # np.piecewise calls each function only on the entries its condition selects
    return np.piecewise(z, [z > 0], [lambda x: x, lambda x: alpha * np.expm1(x)])
