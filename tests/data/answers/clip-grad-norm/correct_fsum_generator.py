# expect: passed | passed all
import math
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = math.sqrt(math.fsum(float(x) * float(x) for g in grads for x in np.ravel(g)))
    factor = max_norm / total if total > max_norm else 1.0
    return [np.array(g, dtype=np.float64) * factor for g in grads], total
