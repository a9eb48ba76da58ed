# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    total_norm = float(np.sqrt(sum(np.vdot(g, g) for g in grads)))
    if total_norm > max_norm:
        return [np.multiply(g, max_norm / total_norm) for g in grads], total_norm
    return [np.copy(g) for g in grads], total_norm
