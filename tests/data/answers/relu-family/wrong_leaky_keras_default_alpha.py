# expect: failed | called without alpha, leaky_relu used alpha = 0.3 (Keras's LeakyReLU default)
import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def relu_grad(z):
    return (z > 0).astype(np.float64)


def leaky_relu(z, alpha=0.3):  # Keras's LeakyReLU default; the Task's is 0.01
    return np.where(z > 0, z, alpha * z)


def elu(z, alpha=1.0):
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))
