# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    norms = np.array([np.sqrt(np.sum(np.square(g))) for g in grads])
    total = float(np.sqrt(np.dot(norms, norms)))
    scale = np.where(total > max_norm, max_norm / max(total, max_norm), 1.0)
    return [g * scale for g in grads], total
