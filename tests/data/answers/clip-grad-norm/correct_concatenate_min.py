# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    # one long vector, and a factor that is exactly 1 when nothing needs clipping
    flat = np.concatenate([g.ravel() for g in grads])
    total_norm = np.linalg.norm(flat)
    factor = min(1.0, max_norm / total_norm) if total_norm > 0 else 1.0
    return [factor * g for g in grads], total_norm
