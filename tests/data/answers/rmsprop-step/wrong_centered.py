# expect: failed | this is centered RMSprop
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    # the centered variant (Graves 2013, PyTorch's centered=True), its mean of the gradient
    # started from zero at every call since the signature has no state for it
    s_new = rho * s + (1 - rho) * grad**2
    g_avg = (1 - rho) * grad
    return theta - lr * grad / (np.sqrt(s_new - g_avg**2) + eps), s_new
