# expect: failed | s holds one average for the whole array
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    # one running mean of the squared gradient for the whole array, as a global RMS,
    # where RMSprop keeps one per parameter
    s_new = rho * s + (1 - rho) * np.mean(grad**2)
    return theta - lr * grad / (np.sqrt(s_new) + eps), s_new
