# expect: passed | passed
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for key, arr in params.items():
        if key.startswith("W"):
            penalty += float(np.vdot(arr, arr))
            grads[key] = (lam / m) * arr
        else:
            grads[key] = np.zeros(arr.shape)
    return lam / (2 * m) * penalty, grads
