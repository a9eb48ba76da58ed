# expect: passed | passed
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    weights = [k for k in params if k[0] == "W"]
    penalty = lam / (2.0 * m) * sum(np.linalg.norm(params[k].reshape(-1)) ** 2 for k in weights)
    grads = {k: (params[k] * lam / m if k in weights else np.zeros_like(params[k])) for k in params}
    return float(penalty), grads
