# expect: passed | passed
import numpy as np


class ClipByGlobalNorm:
    def __init__(self, max_norm):
        self.max_norm = max_norm

    def __call__(self, grads):
        total = np.sqrt(sum(np.vdot(g, g) for g in grads))
        scale = min(1.0, self.max_norm / total) if total > 0 else 1.0
        return [g * scale for g in grads], np.asarray(total)  # total_norm as a 0-d array


def clip_grad_norm(grads, max_norm):
    return ClipByGlobalNorm(max_norm)(grads)
