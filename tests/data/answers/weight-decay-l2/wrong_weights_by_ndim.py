# expect: failed | the biases were penalized too
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    # "decay every parameter with more than one axis": biases here are (n, 1), two axes
    penalty = 0.0
    grads = {}
    for name, p in params.items():
        if p.ndim > 1:
            penalty += float(np.sum(p * p))
            grads[name] = (lam / m) * p
        else:
            grads[name] = np.zeros_like(p)
    return lam / (2 * m) * penalty, grads
