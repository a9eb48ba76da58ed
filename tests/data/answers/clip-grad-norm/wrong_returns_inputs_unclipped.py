# expect: failed | is one of the input arrays (or a view of it)
import numpy as np


def clip_grad_norm(grads, max_norm):
    total_norm = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    if total_norm > max_norm:
        return [g * (max_norm / total_norm) for g in grads], total_norm
    return grads, total_norm
