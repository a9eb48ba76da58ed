# expect: failed | divide by m =
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for k, v in params.items():
        if k.startswith("W"):
            penalty += np.sum(v**2)
            grads[k] = lam * v  # the 1/m scaling is missing here and in the penalty
        else:
            grads[k] = np.zeros_like(v)
    return lam / 2 * penalty, grads
