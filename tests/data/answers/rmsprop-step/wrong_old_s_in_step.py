# expect: failed | the step's root misses the (1 - rho) factor
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = rho * s + (1 - rho) * grad**2
    # the root of rho * s + g^2, forgetting (1 - rho) in the step only
    return theta - lr * grad / (np.sqrt(rho * s + grad**2) + eps), s_new
