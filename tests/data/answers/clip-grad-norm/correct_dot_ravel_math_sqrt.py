# expect: passed | passed all
import math

import numpy as np


def clip_grad_norm(grads, max_norm):
    squares = [float(np.dot(g.ravel(), g.ravel())) for g in grads]
    total_norm = math.sqrt(sum(squares))
    scale = max_norm / total_norm if total_norm > max_norm else 1.0
    return [np.array(g, dtype=np.float64) * scale for g in grads], total_norm
