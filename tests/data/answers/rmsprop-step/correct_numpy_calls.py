# expect: passed | passed all
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    # written as an interpolation between s and grad**2
    s_new = s + (1.0 - rho) * (np.square(grad) - s)
    denom = np.add(np.sqrt(s_new), eps)
    return np.subtract(theta, np.multiply(lr, np.divide(grad, denom))), s_new
