# expect: failed | the penalty squares each matrix's sum, np.sum(W)**2
# the square taken after summing, not before
import numpy as np
def l2_penalty_and_grads(params, lam, m):
    pen = sum(np.sum(v)**2 for k, v in params.items() if k.startswith("W"))
    grads = {k: (lam / m * v if k.startswith("W") else np.zeros_like(v)) for k, v in params.items()}
    return lam / (2 * m) * pen, grads
