# expect: failed | changed its input s in place
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = s.reshape(s.shape)
    s_new *= rho
    s_new += (1 - rho) * grad**2
    return theta - lr * grad / (np.sqrt(s_new) + eps), s_new
