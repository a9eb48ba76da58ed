# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    # scale by the largest entry first so the squares cannot overflow
    biggest = max((float(np.max(np.abs(g))) for g in grads if g.size), default=0.0)
    if biggest == 0.0:
        return [g.copy() for g in grads], 0.0
    total = biggest * float(np.sqrt(sum(np.sum((g / biggest) ** 2) for g in grads)))
    if total > max_norm:
        return [g * (max_norm / total) for g in grads], total
    return [g.copy() for g in grads], total
