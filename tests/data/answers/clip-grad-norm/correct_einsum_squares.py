# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(float(np.einsum("i,i->", g.ravel(), g.ravel())) for g in grads)))
    factor = min(1.0, max_norm / total) if total > 0 else 1.0
    return [np.array(g, dtype=np.float64) * factor for g in grads], total
