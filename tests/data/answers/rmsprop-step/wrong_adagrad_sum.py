# expect: failed | as Adagrad does
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = s + grad**2  # accumulates every squared gradient
    return theta - lr * grad / (np.sqrt(s_new) + eps), s_new
