# expect: passed | passed
import numpy as np


def clip_grad_norm(grads, max_norm):
    norms = [np.linalg.norm(g.ravel()) for g in grads]
    total_norm = float(np.linalg.norm(np.array(norms)))  # the norm of the per-array norms
    if total_norm <= max_norm:
        return [np.copy(g) for g in grads], total_norm
    return [g * (max_norm / total_norm) for g in grads], total_norm
