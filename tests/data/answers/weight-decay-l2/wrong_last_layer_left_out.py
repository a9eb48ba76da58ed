# expect: failed | the last layer's weights: range(1, L) stops at L - 1
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    L = len(params) // 2
    grads = {k: np.zeros_like(v) for k, v in params.items()}
    total = 0.0
    for l in range(1, L):
        W = params["W" + str(l)]
        total += np.sum(W * W)
        grads["W" + str(l)] = lam / m * W
    return lam / (2 * m) * total, grads
