# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    # copies first, then scaled in place: the caller's arrays are never touched
    out = [np.array(g, dtype=np.float64, copy=True) for g in grads]
    total_norm = float(np.sqrt(np.add.reduce([np.square(g).sum() for g in out], initial=0.0)))
    if total_norm > max_norm:
        for g in out:
            g *= max_norm / total_norm
    return out, total_norm
