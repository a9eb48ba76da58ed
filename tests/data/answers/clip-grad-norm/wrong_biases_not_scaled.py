# expect: failed | came back unscaled while the other arrays were clipped
import numpy as np


def clip_grad_norm(grads, max_norm):
    total_norm = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    factor = max_norm / total_norm if total_norm > max_norm else 1.0
    # "only the weight matrices explode": vectors are copied unscaled
    clipped = [g * factor if g.ndim >= 2 else g.copy() for g in grads]
    return clipped, total_norm
