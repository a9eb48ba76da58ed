# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    grads = {}
    total = 0.0
    for key in sorted(params):
        value = np.asarray(params[key], dtype=np.float64)
        if key[0] == "W":
            flat = value.ravel()
            total += float(np.einsum("i,i->", flat, flat))
            grads[key] = value * (lam / m)
        else:
            grads[key] = np.zeros(value.shape)
    return 0.5 * lam * total / m, grads
