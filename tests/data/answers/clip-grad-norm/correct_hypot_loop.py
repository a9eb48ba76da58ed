# expect: passed | passed all
# an entry-by-entry loop with math.hypot, scaling copies in place
import math
import numpy as np
def clip_grad_norm(grads, max_norm):
    total = 0.0
    for g in grads:
        for value in np.ravel(g):
            total = math.hypot(total, float(value))
    out = [np.array(g, dtype=float, copy=True) for g in grads]
    if total > max_norm:
        for g in out:
            g *= max_norm / total
    return out, total
