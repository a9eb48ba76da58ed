# expect: failed | total_norm adds up each array's column norms
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = float(
        np.sqrt(sum(np.sum(np.linalg.norm(np.atleast_2d(g), axis=0)) ** 2 for g in grads))
    )
    if total > max_norm:
        return [g * (max_norm / total) for g in grads], total
    return [g.copy() for g in grads], total
