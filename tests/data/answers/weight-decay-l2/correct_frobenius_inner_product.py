# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for name, value in params.items():
        if name.startswith("W"):
            penalty += float(np.tensordot(value, value, axes=value.ndim))
            grads[name] = (lam / m) * value
        else:
            grads[name] = np.zeros(value.shape)
    return lam / (2 * m) * penalty, grads
