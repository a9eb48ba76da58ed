# expect: failed | your code put new arrays into the caller's list
import numpy as np


def clip_grad_norm(grads, max_norm):
    # PyTorch's clip_grad_norm_ clips in place; ported, each slot gets the scaled copy
    total = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    coef = max_norm / total if total > max_norm else 1.0
    for i, g in enumerate(grads):
        grads[i] = g * coef
    return grads, total
