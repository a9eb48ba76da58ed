# expect: failed | np.linalg.norm(g, 2) of a 2-D array is its largest singular value
# ord=2 read as the L2 norm: on a matrix it is the spectral norm
import numpy as np
def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.linalg.norm(g, ord=2) ** 2 for g in grads)))
    scale = max_norm / total if total > max_norm else 1.0
    return [g * scale for g in grads], total
