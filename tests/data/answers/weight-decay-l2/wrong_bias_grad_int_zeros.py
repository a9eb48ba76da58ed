# expect: failed | grads['b1'] should be a numpy array
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for key, value in params.items():
        if key.startswith("W"):
            penalty += np.sum(value**2)
            grads[key] = lam / m * value
        else:
            grads[key] = 0
    return lam / (2 * m) * penalty, grads
