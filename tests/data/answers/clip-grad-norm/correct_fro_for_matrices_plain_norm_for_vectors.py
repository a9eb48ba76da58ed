# expect: passed | passed
import numpy as np


def clip_grad_norm(grads, max_norm):
    # "fro" where numpy takes it (matrices), the plain 2-norm for the bias vectors
    squares = [
        (np.linalg.norm(g, "fro") if g.ndim == 2 else np.linalg.norm(g.ravel())) ** 2
        for g in grads
    ]
    total_norm = float(np.sqrt(np.sum(squares)))
    scale = min(1.0, max_norm / total_norm) if total_norm > 0 else 1.0
    return [g * scale for g in grads], total_norm
