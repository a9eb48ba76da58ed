# expect: failed | takes the Frobenius norm of a matrix only
import numpy as np


def clip_grad_norm(grads, max_norm):
    # the Frobenius norm asked for by name: numpy gives it for 2-D arrays only
    total_norm = np.sqrt(sum(np.linalg.norm(g, "fro") ** 2 for g in grads))
    if total_norm > max_norm:
        return [g * (max_norm / total_norm) for g in grads], total_norm
    return [g.copy() for g in grads], total_norm
