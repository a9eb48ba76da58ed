# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    # one flat vector of every entry, np.linalg.norm on it
    flat = np.concatenate([np.ravel(g) for g in grads]) if grads else np.zeros(0)
    total_norm = float(np.linalg.norm(flat))
    if total_norm <= max_norm:
        return [np.copy(g) for g in grads], total_norm
    return [g * (max_norm / total_norm) for g in grads], total_norm
