# expect: failed | the penalty averages each matrix's squares (np.mean(W**2))
# np.mean where the squared weights must be summed
import numpy as np
def l2_penalty_and_grads(params, lam, m):
    pen = sum(np.mean(v**2) for k, v in params.items() if k.startswith("W"))
    grads = {k: (lam / m * v if k.startswith("W") else np.zeros_like(v)) for k, v in params.items()}
    return lam / (2 * m) * pen, grads
