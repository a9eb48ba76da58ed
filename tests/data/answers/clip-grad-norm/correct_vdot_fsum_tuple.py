# expect: passed | passed all
import math

import numpy as np


def clip_grad_norm(grads, max_norm):
    total_norm = math.sqrt(math.fsum(float(np.vdot(g, g)) for g in grads))
    factor = max_norm / total_norm if total_norm > max_norm else 1.0
    return tuple(g * factor for g in grads), total_norm
