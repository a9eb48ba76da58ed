# expect: failed | the loop's last weight matrix
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    # "penalty =" where "penalty +=" was meant: only the last weight matrix's term survives
    penalty = 0.0
    grads = {}
    for name, value in params.items():
        if name.startswith("W"):
            penalty = lam / (2 * m) * np.sum(value**2)
            grads[name] = lam / m * value
        else:
            grads[name] = np.zeros_like(value)
    return penalty, grads
