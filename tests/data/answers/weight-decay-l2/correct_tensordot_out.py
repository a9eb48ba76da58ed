# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    # the squares summed by a full tensordot; gradients written with np.multiply(out=)
    penalty = 0.0
    grads = {}
    for name, value in params.items():
        grad = np.zeros(value.shape)
        if name.startswith("W"):
            penalty += float(np.tensordot(value, value, axes=value.ndim))
            np.multiply(value, lam / m, out=grad)
        grads[name] = grad
    return lam * penalty / (2 * m), grads
