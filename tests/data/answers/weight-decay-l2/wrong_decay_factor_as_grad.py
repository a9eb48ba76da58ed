# expect: failed | this is the weight-decay update's factor
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for key, value in params.items():
        if key.startswith("W"):
            penalty += np.sum(value**2)
            grads[key] = (1 - lam / m) * value
        else:
            grads[key] = np.zeros_like(value)
    return lam / (2 * m) * penalty, grads
