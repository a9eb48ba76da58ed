# expect: passed | passed all
import math

import numpy as np


def clip_grad_norm(grads, max_norm):
    # sums of squares entry by entry in plain Python, then each copy scaled in place
    total = 0.0
    for g in grads:
        for value in np.asarray(g, dtype=np.float64).ravel():
            total += float(value) * float(value)
    total_norm = math.sqrt(total)
    clipped = [np.array(g, dtype=np.float64, copy=True) for g in grads]
    if total_norm > max_norm:
        for c in clipped:
            c *= max_norm / total_norm
    return clipped, total_norm
