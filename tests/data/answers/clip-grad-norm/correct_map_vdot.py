# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    # np.vdot flattens arrays of any rank; map pairs each array with itself
    total_norm = float(np.sqrt(sum(map(np.vdot, grads, grads))))
    scale = max_norm / total_norm if total_norm > max_norm else 1.0
    return [np.multiply(g, scale, dtype=np.float64) for g in grads], total_norm
