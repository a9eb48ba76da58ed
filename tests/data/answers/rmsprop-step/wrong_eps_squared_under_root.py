# expect: failed | eps went under the square root as eps**2
# eps squared and put under the root, as some libraries write it
import numpy as np
def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s = rho * s + (1 - rho) * grad**2
    return theta - lr * grad / np.sqrt(s + eps**2), s
