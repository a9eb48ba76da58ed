# expect: failed | divide by m
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    total = sum(np.sum(v * v) for k, v in params.items() if k.startswith("W"))
    grads = {k: (lam * v if k.startswith("W") else np.zeros_like(v)) for k, v in params.items()}
    return float(lam / (2 * m) * total), grads
