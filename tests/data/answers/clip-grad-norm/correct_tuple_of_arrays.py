# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = np.sqrt(sum(np.sum(g * g) for g in grads))
    scale = max_norm / total if total > max_norm else 1.0
    return tuple(g * scale for g in grads), total
