# expect: failed | a dict iterates over its keys
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for key, value in params:  # .items() forgotten
        if key.startswith("W"):
            penalty += np.sum(value**2)
            grads[key] = lam / m * value
        else:
            grads[key] = np.zeros_like(value)
    return float(lam / (2 * m) * penalty), grads
