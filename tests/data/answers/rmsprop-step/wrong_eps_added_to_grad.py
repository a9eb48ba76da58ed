# expect: failed | eps was added to grad, not to the denominator
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = rho * s + (1 - rho) * grad * grad
    root = np.sqrt(s_new)
    safe = np.where(root > 0, root, 1.0)
    return theta - lr * (grad + eps) / safe, s_new
