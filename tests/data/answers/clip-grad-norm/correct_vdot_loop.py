# expect: passed | passed
import math

import numpy as np


def clip_grad_norm(grads, max_norm):
    sq = 0.0
    for g in grads:
        flat = np.ravel(g)
        sq += float(np.dot(flat, flat))
    total = math.sqrt(sq)
    factor = max_norm / total if total > max_norm else 1.0
    return [np.array(g) * factor for g in grads], total
