# expect: failed | the ratio upside down
import numpy as np


def clip_grad_norm(grads, max_norm):
    total_norm = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    if total_norm > max_norm:
        return [g * (total_norm / max_norm) for g in grads], total_norm  # the ratio upside down
    return [g.copy() for g in grads], total_norm
