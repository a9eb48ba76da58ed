# expect: passed | passed
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    total = 0.0
    grads = {}
    for name in sorted(params):
        p = params[name]
        if name.startswith("W"):
            total += np.einsum("ij,ij->", p, p)
            grads[name] = p * lam / m
        else:
            grads[name] = np.zeros_like(p, dtype=np.float64)
    return total * lam / m / 2, grads
