# expect: failed | each array was clipped by its own norm
import numpy as np


class ClipNorm:
    def __init__(self, max_norm):
        self.max_norm = max_norm

    def __call__(self, g):
        n = np.linalg.norm(g)
        return g * (self.max_norm / n) if n > self.max_norm else g.copy()


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    clip = ClipNorm(max_norm)
    return [clip(g) for g in grads], total
