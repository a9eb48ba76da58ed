# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    weights = {k: W for k, W in params.items() if k[0] == "W"}
    penalty = lam / (2 * m) * sum(float(np.vdot(W, W)) for W in weights.values())
    grads = {k: (lam / m) * p if k in weights else np.zeros(p.shape) for k, p in params.items()}
    return penalty, grads
