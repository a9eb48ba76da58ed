# expect: failed | the result is (total_norm, clipped), the other way round
import numpy as np


def clip_grad_norm(grads, max_norm):
    total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads)))
    if total_norm > max_norm:
        return total_norm, [g * (max_norm / total_norm) for g in grads]
    return total_norm, [g.copy() for g in grads]
