# expect: failed | s must average the squared gradient (grad**2)
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    # the running average of the gradient itself, not of its square
    s_new = rho * s + (1 - rho) * grad
    theta_new = theta - lr * grad / (np.sqrt(s_new) + eps)
    return theta_new, s_new
