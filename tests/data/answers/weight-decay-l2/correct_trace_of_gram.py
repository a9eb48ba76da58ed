# expect: passed | passed
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    weights = {k: v for k, v in params.items() if k[0] == "W"}
    penalty = lam / (2.0 * m) * sum(float(np.trace(W.T @ W)) for W in weights.values())
    grads = {k: (lam / m) * v if k in weights else np.zeros(v.shape) for k, v in params.items()}
    return penalty, grads
