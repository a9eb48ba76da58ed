# expect: failed | the 1/2 makes its gradient lam/m * W
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = lam / m * sum(np.sum(v**2) for k, v in params.items() if k.startswith("W"))
    grads = {k: (lam / m * v if k.startswith("W") else np.zeros_like(v))
             for k, v in params.items()}
    return penalty, grads
