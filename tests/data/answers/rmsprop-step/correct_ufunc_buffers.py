# expect: passed | passed all
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    # fresh buffers updated with ufuncs; neither theta nor s is written to
    s_new = np.multiply(s, rho)
    s_new += (1.0 - rho) * np.square(grad)
    denom = np.sqrt(s_new)
    denom += eps
    step = np.divide(grad, denom)
    step *= lr
    return np.subtract(theta, step), s_new
