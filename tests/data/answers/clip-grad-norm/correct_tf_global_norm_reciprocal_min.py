# expect: passed | passed
import numpy as np


def clip_grad_norm(grads, max_norm):
    # TensorFlow's clip_by_global_norm: scale = max_norm * min(1 / norm, 1 / max_norm)
    global_norm = np.sqrt(sum(np.sum(np.square(g)) for g in grads))
    with np.errstate(divide="ignore"):
        scale = max_norm * min(1.0 / global_norm, 1.0 / max_norm)
    return [g * scale for g in grads], float(global_norm)
