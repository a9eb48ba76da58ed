# expect: failed | is its largest singular value (the spectral norm)
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for key, value in params.items():
        if key.startswith("W"):
            penalty += np.linalg.norm(value, 2) ** 2
            grads[key] = lam / m * value
        else:
            grads[key] = np.zeros_like(value)
    return lam / (2 * m) * penalty, grads
