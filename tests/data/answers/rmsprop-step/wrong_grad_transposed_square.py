# expect: failed | fails when theta's rows and columns differ
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = rho * s + (1 - rho) * grad * grad.T
    return theta - lr * grad / (np.sqrt(s_new) + eps), s_new
