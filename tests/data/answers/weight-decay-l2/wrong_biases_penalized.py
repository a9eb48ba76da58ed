# expect: failed | the biases were penalized too
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = lam / (2 * m) * sum(np.sum(v**2) for v in params.values())
    grads = {k: lam / m * v for k, v in params.items()}
    return penalty, grads
