# expect: passed | passed all
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = rho * s + (1 - rho) * np.square(grad)
    root = np.hypot(np.sqrt(rho * s), np.sqrt(1 - rho) * np.abs(grad))
    return theta - lr * grad / (root + eps), s_new
