# expect: passed | passed
import numpy as np


def clip_grad_norm(grads, max_norm):
    # PyTorch's shape: a per-array norm, the norm of those norms, a coefficient clamped at 1
    norms = np.array([np.linalg.norm(g.reshape(-1)) for g in grads])
    total_norm = float(np.linalg.norm(norms))
    clip_coef = max_norm / total_norm if total_norm > 0 else np.inf
    clip_coef_clamped = min(clip_coef, 1.0)
    return [g * clip_coef_clamped for g in grads], total_norm
