# expect: failed | norms, not their squares
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for k, v in params.items():
        if k.startswith("W"):
            penalty += np.linalg.norm(v)  # the Frobenius norm itself, not its square
            grads[k] = lam / m * v
        else:
            grads[k] = np.zeros_like(v)
    return lam / (2 * m) * penalty, grads
