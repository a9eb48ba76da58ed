# expect: failed | the gradient of lam/(2m) * W**2 is lam/m * W, not 2 lam/m * W
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty, grads = 0.0, {}
    for k, v in params.items():
        if k.startswith("W"):
            penalty += lam / (2 * m) * np.sum(v**2)
            grads[k] = 2 * lam / m * v  # d/dW of W**2 is 2W
        else:
            grads[k] = np.zeros_like(v)
    return penalty, grads
