# expect: failed | your code changed its inputs grads[0]
import numpy as np


def clip_grad_norm(grads, max_norm):
    total_norm = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    if total_norm > max_norm:
        for g in grads:
            g *= max_norm / total_norm
    return list(grads), total_norm
