# expect: failed | lam / 2 * m multiplies by m
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    total = sum(float(np.sum(v**2)) for k, v in params.items() if k.startswith("W"))
    grads = {k: (lam / m * v if k.startswith("W") else np.zeros_like(v)) for k, v in params.items()}
    return lam / 2 * m * total, grads  # lam / 2 * m multiplies by m
