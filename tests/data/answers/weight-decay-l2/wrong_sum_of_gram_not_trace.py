# expect: failed | every entry of W @ W.T, the Gram matrix
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    # the squared Frobenius norm taken as a sum over W @ W.T: that adds every entry of the
    # Gram matrix, where the norm is its trace only
    penalty = 0.0
    grads = {}
    for name, value in params.items():
        if name.startswith("W"):
            penalty += np.sum(value @ value.T)
            grads[name] = lam / m * value
        else:
            grads[name] = np.zeros_like(value)
    return lam / (2 * m) * penalty, grads
