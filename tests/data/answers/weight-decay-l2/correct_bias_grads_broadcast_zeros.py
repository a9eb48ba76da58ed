# expect: passed | passed
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {}
    for name, value in params.items():
        if name.startswith("W"):
            penalty += np.sum(value * value)
            grads[name] = (lam / m) * value
        else:
            grads[name] = np.broadcast_to(0.0, value.shape)  # no memory for zeros
    return float(lam / (2 * m) * penalty), grads
