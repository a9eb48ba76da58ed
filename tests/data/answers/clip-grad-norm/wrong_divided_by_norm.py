# expect: failed | the arrays were divided by total_norm alone
# normalised to unit norm: max_norm forgotten in the scale
import numpy as np
def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    if total > max_norm:
        return [g / total for g in grads], total
    return [g.copy() for g in grads], total
