# expect: failed | grads is missing the bias keys
import numpy as np


def l2_penalty_and_grads(params, lam, m):
    Ws = {k: v for k, v in params.items() if k.startswith("W")}
    pen = lam / (2 * m) * sum(np.sum(W**2) for W in Ws.values())
    return pen, {k: lam / m * W for k, W in Ws.items()}
