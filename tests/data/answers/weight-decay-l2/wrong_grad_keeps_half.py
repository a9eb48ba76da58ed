# expect: failed | the gradient of lam/(2m) * W**2 is lam/m * W (the 2 cancels)
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty, grads = 0.0, {}
    for k, v in params.items():
        if k.startswith("W"):
            penalty += lam / (2 * m) * np.sum(v**2)
            grads[k] = lam / (2 * m) * v  # the penalty's factor copied into the gradient
        else:
            grads[k] = np.zeros_like(v)
    return penalty, grads
