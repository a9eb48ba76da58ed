# expect: failed | s holds its root, sqrt(rho*s + (1-rho)*grad**2)
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    rms = np.sqrt(rho * s + (1 - rho) * grad**2)
    return theta - lr * grad / (rms + eps), rms  # the root kept as the state
