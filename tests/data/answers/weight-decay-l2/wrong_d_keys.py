# expect: failed | this drill wants the same keys as params
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    penalty = lam / (2 * m) * sum(np.sum(v**2) for k, v in params.items() if k.startswith("W"))
    grads = {"d" + k: (lam / m * v if k.startswith("W") else np.zeros_like(v))
             for k, v in params.items()}
    return penalty, grads
