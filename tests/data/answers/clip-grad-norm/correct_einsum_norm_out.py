# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.einsum("i,i->", g.ravel(), g.ravel()) for g in grads)))
    coef = max_norm / total if total > max_norm else 1.0
    clipped = []
    for g in grads:
        out = np.empty_like(g)
        np.multiply(g, coef, out=out)
        clipped.append(out)
    return clipped, total
