# expect: passed | passed all
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = s.copy()
    s_new *= rho
    s_new += (1 - rho) * grad**2
    theta_new = theta.copy()
    denom = np.sqrt(s_new)
    denom += eps
    theta_new -= lr * grad / denom
    return theta_new, s_new
