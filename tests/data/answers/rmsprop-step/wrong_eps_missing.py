# expect: failed | eps is missing: the step divides by sqrt(s) alone
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = rho * s + (1 - rho) * grad**2
    return theta - lr * grad / np.sqrt(s_new), s_new
