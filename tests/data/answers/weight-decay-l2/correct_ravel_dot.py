# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    weights = {k: v for k, v in params.items() if k.startswith("W")}
    penalty = lam / (2.0 * m) * sum(float(np.dot(w.ravel(), w.ravel())) for w in weights.values())
    grads = {k: (lam / m) * v if k in weights else np.zeros_like(v, dtype=np.float64) for k, v in params.items()}
    return penalty, grads
