# expect: passed | passed
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = np.add(rho * s, (1 - rho) * np.square(grad))
    denom = np.sqrt(s_new)
    denom += eps
    step = np.divide(grad, denom)
    return np.subtract(theta, lr * step), s_new
