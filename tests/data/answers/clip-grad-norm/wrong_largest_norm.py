# expect: failed | total_norm is the largest array's norm
import numpy as np


def clip_grad_norm(grads, max_norm):
    # the largest array's norm stands in for the whole: an infinity norm over the arrays
    total = max(float(np.linalg.norm(g)) for g in grads)
    scale = min(1.0, max_norm / total) if total > 0 else 1.0
    return [g * scale for g in grads], total
