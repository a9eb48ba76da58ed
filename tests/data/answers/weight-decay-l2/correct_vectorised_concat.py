# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    # every weight flattened into one vector for the penalty; the grads follow the keys
    weights = [params[k] for k in params if k.startswith("W")]
    flat = np.concatenate([w.ravel() for w in weights]) if weights else np.zeros(0)
    penalty = lam / (2 * m) * float(flat @ flat)
    grads = {k: (lam / m) * p if k.startswith("W") else np.zeros(p.shape) for k, p in params.items()}
    return penalty, grads
