# expect: passed | passed
import numpy as np


def clip_grad_norm(grads, max_norm):
    # torch's way: the norm of the per-array norms
    norms = np.array([np.linalg.norm(g.ravel()) for g in grads])
    total = float(np.linalg.norm(norms))
    if total > max_norm:
        scale = max_norm / total
        return [g * scale for g in grads], total
    return [g.copy() for g in grads], total
