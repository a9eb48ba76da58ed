# expect: failed | clip only when the norm is strictly greater
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g**2) for g in grads)))
    # rescales even small gradients up to max_norm (normalises instead of clipping)
    scale = max_norm / total if total > 0 else 1.0
    return [g * scale for g in grads], total
