# expect: failed | lam / 2 * m multiplies by m
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    weights = [k for k in params if k.startswith("W")]
    # lam / 2 * m reads as (lam / 2) * m
    penalty = lam / 2 * m * sum(float(np.sum(params[k] ** 2)) for k in weights)
    grads = {k: (lam / m * v if k.startswith("W") else np.zeros_like(v)) for k, v in params.items()}
    return float(penalty), grads
