# expect: passed | passed
import numpy as np


def clip_grad_norm(grads, max_norm):
    # the squares of the column norms add up to the array's sum of squares
    total_norm = float(np.sqrt(sum(np.sum(np.linalg.norm(g, axis=0) ** 2) for g in grads)))
    if total_norm <= max_norm:
        return [np.array(g) for g in grads], total_norm
    return [g * (max_norm / total_norm) for g in grads], total_norm
