# expect: failed | the weights were told by their shape, and W3 (1, 3) was left out
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    # "weights are the matrices": biases are (n, 1), matrices too
    penalty, grads = 0.0, {}
    for k, v in params.items():
        if v.ndim == 2 and min(v.shape) > 1:
            penalty += lam / (2 * m) * np.sum(v * v)
            grads[k] = lam / m * v
        else:
            grads[k] = np.zeros_like(v)
    return penalty, grads
