# expect: failed | changed its inputs params['W1'] and params['W2'] in place
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for key, value in params.items():
        if key.startswith("W"):
            penalty += np.sum(value**2)
            value *= lam / m
            grads[key] = value
        else:
            grads[key] = np.zeros_like(value)
    return lam / (2 * m) * penalty, grads
