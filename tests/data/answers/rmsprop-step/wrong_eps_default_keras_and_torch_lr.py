# expect: failed | lr defaults to 1e-2 in your signature
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-2, rho=0.9, eps=1e-8):
    s_new = rho * s + (1 - rho) * grad**2
    return theta - lr * grad / (np.sqrt(s_new) + eps), s_new
