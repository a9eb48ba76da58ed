# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    # the gradients first; the penalty is then half the inner product of each weight
    # with its own gradient, sum(W * lam/m W) / 2 = lam/(2m) sum W**2
    grads = {}
    penalty = 0.0
    for name, value in params.items():
        if name.startswith("W"):
            grads[name] = (lam / m) * value
            penalty += 0.5 * float(np.sum(value * grads[name]))
        else:
            grads[name] = np.zeros_like(value, dtype=np.float64)
    return penalty, grads
