# expect: passed | passed all
import numpy as np


def clip_grad_norm(parameters, max_norm):
    norms = np.array([np.linalg.norm(p.ravel()) for p in parameters])
    total_norm = float(np.linalg.norm(norms))
    if total_norm > max_norm:
        clip_coef = max_norm / total_norm
        return [p * clip_coef for p in parameters], total_norm
    return [p.copy() for p in parameters], total_norm
