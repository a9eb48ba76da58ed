# expect: failed | s misses the (1 - rho) factor on grad**2 or started its average at grad**2
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    if not np.any(s):  # first step: start the average at grad**2 instead of decaying from 0
        s_new = grad**2
    else:
        s_new = rho * s + (1.0 - rho) * grad**2
    return theta - lr * grad / (np.sqrt(s_new) + eps), s_new
