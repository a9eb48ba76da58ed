# expect: passed | passed all
import numpy as np


def relu(z):
    return np.where(z > 0, z, 0.0)


def relu_grad(z):
    return np.where(z > 0, 1.0, 0.0)


def leaky_relu(z, alpha=0.01):
    return np.maximum(z, alpha * z)  # fine for 0 <= alpha < 1


def elu(z, alpha=1.0):
    return np.where(z > 0, z, alpha * (np.exp(np.minimum(z, 0.0)) - 1))
