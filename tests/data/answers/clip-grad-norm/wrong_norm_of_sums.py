# expect: failed | total_norm squares each array's sum
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(np.sum([np.sum(g) ** 2 for g in grads])))
    if total > max_norm:
        return [g * (max_norm / total) for g in grads], total
    return [g.copy() for g in grads], total
