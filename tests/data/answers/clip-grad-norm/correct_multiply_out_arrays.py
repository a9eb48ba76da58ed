# expect: passed | passed all
import numpy as np


def clip_grad_norm(grads, max_norm):
    sq = 0.0
    for g in grads:
        sq += np.einsum("i,i->", g.ravel(), g.ravel())
    total = np.sqrt(sq)
    out = [np.empty_like(g) for g in grads]
    for g, o in zip(grads, out):
        if total > max_norm:
            np.multiply(g, max_norm / total, out=o)
        else:
            o[...] = g
    return out, float(total)
