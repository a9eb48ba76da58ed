# expect: failed | lam / 2 * m multiplies by m
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for key, value in params.items():
        if "W" in key and "b" not in key.lower()[1:]:
            penalty += np.sum(value**2)
            grads[key] = lam / m * value
        else:
            grads[key] = np.zeros_like(value)
    return lam / 2 * m * penalty, grads
