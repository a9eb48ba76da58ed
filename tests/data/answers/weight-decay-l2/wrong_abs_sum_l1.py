# expect: failed | that is L1
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    total = sum(np.sum(np.abs(v)) for k, v in params.items() if k.startswith("W"))
    grads = {
        k: (lam / m * np.sign(v) if k.startswith("W") else np.zeros_like(v))
        for k, v in params.items()
    }
    return float(lam / (2 * m) * total), grads
