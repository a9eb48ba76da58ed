# expect: failed | total_norm is the L1 norm, the sum of the absolute entries
# the sum of absolute values where the L2 norm belongs
import numpy as np
def clip_grad_norm(grads, max_norm):
    total = float(sum(np.abs(g).sum() for g in grads))
    scale = max_norm / total if total > max_norm else 1.0
    return [g * scale for g in grads], total
