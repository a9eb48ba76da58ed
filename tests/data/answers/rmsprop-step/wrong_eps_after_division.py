# expect: failed | eps was added to theta: lr * grad / np.sqrt(s) + eps
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = rho * s + (1.0 - rho) * grad**2
    theta_new = theta - lr * grad / np.sqrt(s_new) + eps
    return theta_new, s_new
