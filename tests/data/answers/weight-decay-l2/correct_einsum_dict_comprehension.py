# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    weights = [k for k in params if k.startswith("W")]
    penalty = lam / (2 * m) * sum(float(np.einsum("ij,ij->", params[k], params[k])) for k in weights)
    grads = {k: (lam / m) * v if k.startswith("W") else np.zeros_like(v) for k, v in params.items()}
    return penalty, grads
