# expect: failed | changed its inputs grads[0]
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    out = [np.asarray(g, dtype=np.float64) for g in grads]
    if total > max_norm:
        for g in out:
            g *= max_norm / total
    return out, total
