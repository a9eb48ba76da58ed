# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    squares = [np.einsum("i,i->", g.ravel(), g.ravel()) for g in grads]
    total_norm = float(np.sqrt(np.sum(squares)))
    factor = min(1.0, max_norm / total_norm) if total_norm > 0 else 1.0
    return [np.einsum("...,->...", g, factor) for g in grads], total_norm
