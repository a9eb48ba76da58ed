# expect: failed | the biases are not regularized
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = lam / (2 * m) * sum(np.sum(v**2) for k, v in params.items() if k.startswith("W"))
    grads = {k: lam / m * v for k, v in params.items()}
    return penalty, grads
