# expect: failed | total_norm is the largest absolute entry
import numpy as np


def clip_grad_norm(grads, max_norm):
    # the largest entry instead of the L2 norm of all entries
    total_norm = float(max(np.max(np.abs(g)) for g in grads))
    if total_norm > max_norm:
        return [g * (max_norm / total_norm) for g in grads], total_norm
    return [g.copy() for g in grads], total_norm
