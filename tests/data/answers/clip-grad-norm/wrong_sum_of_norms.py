# expect: failed | total_norm is the sum of the arrays' own norms
import numpy as np


def clip_grad_norm(grads, max_norm):
    total_norm = sum(float(np.linalg.norm(g)) for g in grads)
    if total_norm > max_norm:
        return [g * (max_norm / total_norm) for g in grads], total_norm
    return [g.copy() for g in grads], total_norm
