# expect: failed | keepdims=True or a reshape would keep the size-1 axis
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for key, value in params.items():
        if key.startswith("W"):
            penalty += np.sum(value**2)
            grads[key] = lam / m * value
        else:
            grads[key] = np.zeros(len(value))
    return float(lam / (2 * m) * penalty), grads
