# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    total_norm = float(np.sqrt(sum(np.sum(g**2) for g in grads)))
    if total_norm > max_norm:
        scale = max_norm / total_norm
        return [g * scale for g in grads], total_norm
    return [g.copy() for g in grads], total_norm
