# expect: failed | total_norm is the first array's norm only, grads[0]'s
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = float(np.linalg.norm(grads[0]))
    if total > max_norm:
        return [g * (max_norm / total) for g in grads], total
    return [g.copy() for g in grads], total
