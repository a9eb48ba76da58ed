# expect: passed | passed all
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    # the bias gradients as 0.0 * b: zeros of the right shape (-0.0 where b < 0, which
    # equals 0)
    weights = [v for k, v in params.items() if k.startswith("W")]
    penalty = lam / (2 * m) * sum(float((v * v).sum()) for v in weights)
    grads = {k: (lam / m) * v if k.startswith("W") else 0.0 * v for k, v in params.items()}
    return penalty, grads
