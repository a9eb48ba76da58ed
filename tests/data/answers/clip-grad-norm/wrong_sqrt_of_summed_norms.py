# expect: failed | the root of the sum of the arrays' norms
import numpy as np


def clip_grad_norm(grads, max_norm):
    # the root of the sum of the arrays' norms, where each norm should be squared first
    total_norm = np.sqrt(sum(np.linalg.norm(g) for g in grads))
    if total_norm > max_norm:
        return [g * (max_norm / total_norm) for g in grads], total_norm
    return [g.copy() for g in grads], total_norm
