# expect: passed | passed all
import math

import numpy as np


def l2_penalty_and_grads(params, lam, m):
    weights = {k: v for k, v in params.items() if k.startswith("W")}
    total = math.fsum(float(x) * float(x) for w in weights.values() for x in w.ravel())
    grads = {
        k: (lam / m) * v if k in weights else np.zeros(v.shape) for k, v in params.items()
    }
    return lam / (2 * m) * total, grads
