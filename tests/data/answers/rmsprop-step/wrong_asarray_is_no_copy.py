# expect: failed | changed its input theta in place
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = rho * s + (1 - rho) * grad**2
    theta_new = np.asarray(theta, dtype=np.float64)
    theta_new -= lr * grad / (np.sqrt(s_new) + eps)
    return theta_new, s_new
