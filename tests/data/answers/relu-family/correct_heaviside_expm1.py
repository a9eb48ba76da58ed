# expect: passed | passed
import numpy as np


def relu(z):
    return z * (z > 0)


def relu_grad(z):
    return np.heaviside(z, 0.0)  # 0 at z = 0, as the drill asks


def leaky_relu(z, alpha=0.01):
    return np.where(z >= 0, z, alpha * z)


def elu(z, alpha=1.0):
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))
