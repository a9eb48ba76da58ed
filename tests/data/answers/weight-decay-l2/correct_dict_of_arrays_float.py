# expect: passed | passed
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    weights = {k: np.asarray(v, dtype=np.float64) for k, v in params.items() if k[0] == "W"}
    penalty = lam / (2.0 * m) * sum(float(np.vdot(w, w)) for w in weights.values())
    grads = {k: (lam / m) * weights[k] if k in weights else np.zeros(np.shape(v)) for k, v in params.items()}
    return penalty, grads
