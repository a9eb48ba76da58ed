# expect: failed | total_norm misses the square root
import numpy as np


def clip_grad_norm(grads, max_norm):
    total_norm = float(sum(np.sum(g * g) for g in grads))  # the square root is missing
    if total_norm > max_norm:
        return [g * (max_norm / total_norm) for g in grads], total_norm
    return [g.copy() for g in grads], total_norm
