# expect: failed | each array was clipped by its own norm
import numpy as np


def clip_grad_norm(grads, max_norm):
    clipped = []
    for g in grads:
        norm = np.linalg.norm(g)
        clipped.append(g * (max_norm / norm) if norm > max_norm else g.copy())
    total_norm = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    return clipped, total_norm
