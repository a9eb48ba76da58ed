# expect: failed | total_norm
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g**2) for g in grads)))
    out = [g * (max_norm / total) if total > max_norm else g.copy() for g in grads]
    # reports the norm after clipping
    return out, float(np.sqrt(sum(np.sum(g**2) for g in out)))
