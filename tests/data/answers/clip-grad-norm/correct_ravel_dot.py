# expect: passed | passed
import numpy as np


def clip_grad_norm(grads, max_norm):
    flat = np.concatenate([np.ravel(g) for g in grads]) if grads else np.zeros(0)
    total_norm = float(np.sqrt(flat @ flat))
    factor = max_norm / total_norm if total_norm > max_norm else 1.0
    return [np.asarray(g, dtype=np.float64) * factor for g in grads], total_norm
