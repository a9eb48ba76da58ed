# expect: failed | s misses the (1 - rho) factor
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = rho * s + grad**2
    return theta - lr * grad / (np.sqrt(s_new) + eps), s_new
