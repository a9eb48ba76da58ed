# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    weights = [k for k in params if k[0] == "W"]
    penalty = lam / (2.0 * m) * sum(float(np.vdot(params[k], params[k])) for k in weights)
    grads = {k: (lam / m) * v if k in weights else np.zeros(v.shape) for k, v in params.items()}
    return penalty, grads
