# expect: failed | np.concatenate(grads) joins the arrays along their first axis
import numpy as np


def clip_grad_norm(grads, max_norm):
    total_norm = float(np.linalg.norm(np.concatenate(grads)))
    if total_norm > max_norm:
        return [g * (max_norm / total_norm) for g in grads], total_norm
    return [g.copy() for g in grads], total_norm
