# expect: failed | is one of the input arrays (or a view of it)
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    if total > max_norm:
        factor = max_norm / total
        return [g * factor for g in grads], total
    return [g[...] for g in grads], total
