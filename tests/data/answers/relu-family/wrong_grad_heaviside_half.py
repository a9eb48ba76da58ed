# expect: failed | the derivative at z == 0 came out as 0.5 (np.heaviside(z, 0.5))
import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def relu_grad(z):
    # the step function, with its midpoint value at 0
    return np.heaviside(z, 0.5)


def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, alpha * z)


def elu(z, alpha=1.0):
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))
