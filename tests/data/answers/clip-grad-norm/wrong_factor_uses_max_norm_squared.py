# expect: failed | the ratio of the squared norms
import numpy as np


def clip_grad_norm(grads, max_norm):
    # compares squared norms (fine) but scales by their ratio, not the norms'
    sq = sum(float(np.sum(g * g)) for g in grads)
    total = sq**0.5
    if sq > max_norm**2:
        scale = max_norm**2 / sq
        return [g * scale for g in grads], total
    return [g.copy() for g in grads], total
