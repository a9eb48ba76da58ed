# expect: failed | total_norm is the root mean square of the
# np.mean where the norm needs np.sum
import numpy as np
def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(np.mean(np.concatenate([g.ravel() for g in grads]) ** 2)))
    if total > max_norm:
        return [g * (max_norm / total) for g in grads], total
    return [g.copy() for g in grads], total
