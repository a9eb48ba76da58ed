# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    total = 0.0
    grads = {}
    for key, value in sorted(params.items()):
        if key[0] == "W":
            total += np.linalg.norm(value.ravel()) ** 2
            grads[key] = (lam / m) * value
        else:
            grads[key] = np.zeros(value.shape)
    return float(lam / (2 * m) * total), grads
