# expect: failed | the penalty is a mean over the 
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    ws = [k for k in params if k.startswith("W")]
    total = sum(np.sum(params[k] ** 2) for k in ws) / len(ws)
    grads = {k: (lam / m * v if k.startswith("W") else np.zeros_like(v)) for k, v in params.items()}
    return float(lam / (2 * m) * total), grads
