# expect: failed | each array was clipped to its own share of the norm
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    share = max_norm / np.sqrt(len(grads))
    out = []
    for g in grads:
        n = np.linalg.norm(g)
        out.append(g * (share / n) if total > max_norm and n > share else g.copy())
    return out, total
