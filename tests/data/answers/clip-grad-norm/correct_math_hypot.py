# expect: passed | passed
import math

import numpy as np


def clip_grad_norm(grads, max_norm):
    # math.hypot over per-array norms: the global norm without squaring large values twice
    total_norm = math.hypot(*(float(np.linalg.norm(g.ravel())) for g in grads))
    factor = max_norm / total_norm if total_norm > max_norm else 1.0
    return [np.array(g, dtype=np.float64) * factor for g in grads], total_norm
