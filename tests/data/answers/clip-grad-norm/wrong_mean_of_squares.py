# expect: failed | the squares' mean over the
import numpy as np


def clip_grad_norm(grads, max_norm):
    flat = np.concatenate([g.ravel() for g in grads])
    total = float(np.sqrt(np.mean(flat**2) * len(grads)))
    if total > max_norm:
        return [g * (max_norm / total) for g in grads], total
    return [g.copy() for g in grads], total
