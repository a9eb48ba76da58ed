# expect: failed | each layer's squares were summed over axis 0 only
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for name, p in params.items():
        if name.startswith("W"):
            penalty = penalty + np.sum(p**2, axis=0)  # one sum per column, not one number
            grads[name] = lam / m * p
        else:
            grads[name] = np.zeros_like(p)
    return lam / (2 * m) * penalty, grads
