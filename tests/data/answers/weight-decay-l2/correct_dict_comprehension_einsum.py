# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    weights = {k: w for k, w in params.items() if k.startswith("W")}
    penalty = lam / 2 / m * sum(float(np.einsum("ij,ij->", w, w)) for w in weights.values())
    grads = {
        k: (w * lam / m if k in weights else np.zeros_like(w, dtype=float))
        for k, w in params.items()
    }
    return penalty, grads
