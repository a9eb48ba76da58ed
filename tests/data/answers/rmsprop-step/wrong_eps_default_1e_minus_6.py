# expect: failed | eps defaults to 1e-6 in your signature
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-6):
    s_new = rho * s + (1.0 - rho) * grad**2
    return theta - lr * grad / (np.sqrt(s_new) + eps), s_new
