# expect: failed | in place
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    total = 0.0
    grads = {}
    for k, v in params.items():
        if k.startswith("W"):
            total += float(np.sum(v * v))
            g = v
            g *= lam / m  # scales the weight itself
            grads[k] = g
        else:
            grads[k] = np.zeros_like(v)
    return lam / (2 * m) * total, grads
