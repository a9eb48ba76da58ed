# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    total = 0.0
    grads = {}
    for name, value in params.items():
        g = np.zeros(value.shape)
        if name[0] == "W":
            total += np.sum(np.square(value))
            np.multiply(value, lam / m, out=g)
        grads[name] = g
    return [float(lam * total / (2 * m)), grads]
